export { createTradeSchoolClient, type TradeSchoolClient, type TradeSchoolClientOptions } from './client';
export { GraphQLRequestError, NetworkError, isGraphQLRequestError } from './errors';
export type { ErrorCode, GraphQLErrorEntry } from './errors';
export type { DocumentTransport, FetchLike } from './httpTransport';
export {
  accessTokenExpiry,
  createSessionManager,
  memorySessionStore,
  type SessionManager,
  type SessionStore,
  type SessionTokens,
} from './session';
export type { LiveStatus, SubscriptionSink } from './wsTransport';
export { checkout, followLiveSignals, loginWithSecondFactor } from './flows';
export type { CheckoutResponse, LiveSignalsOptions } from './flows';
export * from './generated/graphql';
