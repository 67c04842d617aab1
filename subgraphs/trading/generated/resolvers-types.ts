import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Portfolio as PortfolioModel, Position as PositionModel, TradeOrder as TradeOrderModel, TradeEvent as TradeEventModel, ExchangeAccount as ExchangeAccountModel, SignalFollow as SignalFollowModel, SignalCopySkip as SignalCopySkipModel } from '../../../platform/prisma/generated/client';
import type { OrderPage as OrderPageModel } from '../services/orderQueries';
import type { EntityRef as EntityRefModel } from '../../../platform/federation';
import type { TradingContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  DateTime: { input: Date; output: Date; }
  _FieldSet: { input: unknown; output: unknown; }
};

export type ConnectExchangeAccountInput = {
  apiKey: Scalars['String']['input'];
  apiSecret: Scalars['String']['input'];
  /** A CCXT exchange id. binance (spot) is wired for live orders through CCXT; orders on others are rejected. */
  exchange: Scalars['String']['input'];
  label: Scalars['String']['input'];
};

/** Credentials are sealed at rest and never returned: only a fingerprint and the key's last 4 characters. */
export type ExchangeAccount = {
  __typename?: 'ExchangeAccount';
  apiKeyFingerprint: Scalars['String']['output'];
  apiKeyLast4: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  exchange: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  label: Scalars['String']['output'];
  /** Positions built from this account's live fills (kept apart from paper; risk limits apply per account). */
  positions: Array<Position>;
  /** The positions marked to their latest tick (at cost without one), in INR; the account's cash stays on the exchange. */
  positionsValue: Money;
  status: ExchangeAccountStatus;
};

export type ExchangeAccountStatus =
  | 'CONNECTED'
  | 'DISCONNECTED';

export type FollowSignalSourceInput = {
  sizing: FollowSizing;
  sizingValue: Scalars['String']['input'];
  /** The id of one of `signalSources`; an unknown id is BAD_USER_INPUT. */
  sourceId: Scalars['ID']['input'];
};

export type FollowSizing =
  /** sizingValue is the quantity of every order. */
  | 'FIXED_QUANTITY'
  /** sizingValue is the percentage (0-100] of cash spent on each BUY, or of the holding sold on each SELL. */
  | 'PERCENT_OF_CASH';

export type Instrument = {
  __typename?: 'Instrument';
  id: Scalars['ID']['output'];
};

export type Money = {
  __typename?: 'Money';
  amount: Scalars['String']['output'];
  currency: Scalars['String']['output'];
};

export type MonteCarloSummary = {
  __typename?: 'MonteCarloSummary';
  p5: Scalars['Float']['output'];
  p50: Scalars['Float']['output'];
  p95: Scalars['Float']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * A live order is canceled on the exchange, found by its client order id. When the exchange cannot be reached
   * or has not seen the order yet, the cancel is recorded (cancelRequested) and the sync finishes it.
   */
  cancelOrder: TradeOrder;
  connectExchangeAccount: ExchangeAccount;
  disconnectExchangeAccount: ExchangeAccount;
  /** PREMIUM and ENTERPRISE only. */
  followSignalSource: SignalFollow;
  /** Pre-trade risk runs first: a refused order comes back REJECTED with the reason. */
  placeOrder: TradeOrder;
  /** Closes every paper position, cancels open orders and restores the starting cash (₹10,00,000.00). */
  resetPaperPortfolio: Portfolio;
  /** The viewer's own switch; an ADMIN may pass another userId. */
  setKillSwitch: Portfolio;
  unfollowSignalSource: SignalFollow;
};


export type MutationCancelOrderArgs = {
  id: Scalars['ID']['input'];
};


export type MutationConnectExchangeAccountArgs = {
  input: ConnectExchangeAccountInput;
};


export type MutationDisconnectExchangeAccountArgs = {
  id: Scalars['ID']['input'];
};


export type MutationFollowSignalSourceArgs = {
  input: FollowSignalSourceInput;
};


export type MutationPlaceOrderArgs = {
  input: PlaceOrderInput;
};


export type MutationSetKillSwitchArgs = {
  enabled: Scalars['Boolean']['input'];
  userId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationUnfollowSignalSourceArgs = {
  id: Scalars['ID']['input'];
};

export type OrderSide =
  | 'BUY'
  | 'SELL';

export type OrderType =
  | 'LIMIT'
  | 'MARKET'
  | 'STOP'
  | 'STOP_LIMIT';

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type PlaceOrderInput = {
  /** Idempotency key (1-64 of A-Z a-z 0-9 _ - :): the same key returns the same order; with other input, CONFLICT. */
  clientOrderId: Scalars['String']['input'];
  /** Unset: the paper exchange. */
  exchangeAccountId?: InputMaybe<Scalars['ID']['input']>;
  /** Required for LIMIT and STOP_LIMIT. */
  limitPrice?: InputMaybe<Scalars['String']['input']>;
  /** Decimal string > 0, at most 10 decimals. Live orders: rounded down to the exchange's lot size. */
  quantity: Scalars['String']['input'];
  side: OrderSide;
  /**
   * Required for STOP and STOP_LIMIT. Live (Binance): a stop above the last price for a BUY, below it for a
   * SELL, is sent as STOP_LOSS(_LIMIT); on the other side of the price, as TAKE_PROFIT(_LIMIT).
   */
  stopPrice?: InputMaybe<Scalars['String']['input']>;
  /** BTC-USDT */
  symbol: Scalars['String']['input'];
  type: OrderType;
};

/** Users whose realized PnL (INR, over the range) falls in [lowerBound, upperBound). */
export type PnlBucket = {
  __typename?: 'PnlBucket';
  lowerBound: Scalars['String']['output'];
  upperBound: Scalars['String']['output'];
  users: Scalars['Int']['output'];
};

/**
 * A paper-trading portfolio, opened for every user when they register. Holdings on connected exchange
 * accounts are not part of it: see ExchangeAccount.positions.
 */
export type Portfolio = {
  __typename?: 'Portfolio';
  cash: Money;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** On: every new order is rejected. */
  killSwitch: Scalars['Boolean']['output'];
  owner: User;
  /** Paper positions only. */
  positions: Array<Position>;
  /** Cash plus every position marked to its latest tick, converted at the paper FX rates (see paperFxRates). */
  value: Money;
};

export type PortfolioRiskInput = {
  /** Periods simulated (1-365, default 20). */
  horizon?: InputMaybe<Scalars['Int']['input']>;
  /** Daily closes used for the viewer's holdings (3-2000, default 90). */
  lookbackDays?: InputMaybe<Scalars['Int']['input']>;
  /** Simulated paths (100-10000, default 1000). */
  paths?: InputMaybe<Scalars['Int']['input']>;
  /** Periods per year for annualising (default 252). */
  periodsPerYear?: InputMaybe<Scalars['Int']['input']>;
  /** Per period, for Sharpe (default 0). */
  riskFreeRate?: InputMaybe<Scalars['Float']['input']>;
  /** PRNG seed: the same seed gives the same simulation. */
  seed?: InputMaybe<Scalars['Int']['input']>;
  /**
   * Price series to analyse. Default: the viewer's own holdings (every position with a quantity, paper and
   * live), on trading's stored daily closes, weighted by market value at the last close.
   */
  series?: InputMaybe<Array<PriceSeriesInput>>;
  /** Starting value for the Monte Carlo simulation (default 1000000). */
  startValue?: InputMaybe<Scalars['Float']['input']>;
  /** Portfolio weight per series (default: equal for given series, market value for holdings). */
  weights?: InputMaybe<Array<Scalars['Float']['input']>>;
};

/** Statistics are estimates (Floats), never money. Losses are positive fractions of value. */
export type PortfolioRiskReport = {
  __typename?: 'PortfolioRiskReport';
  /** Pearson correlation of the series' returns, in symbols order. */
  correlation: Array<Array<Scalars['Float']['output']>>;
  historicalVaR95: Scalars['Float']['output'];
  historicalVaR99: Scalars['Float']['output'];
  maxDrawdown: Scalars['Float']['output'];
  monteCarlo: MonteCarloSummary;
  parametricVaR95: Scalars['Float']['output'];
  parametricVaR99: Scalars['Float']['output'];
  sharpeRatio: Scalars['Float']['output'];
  sortinoRatio: Scalars['Float']['output'];
  symbols: Array<Scalars['String']['output']>;
};

export type Position = {
  __typename?: 'Position';
  /** Decimal string in the instrument's quote currency. */
  averagePrice: Scalars['String']['output'];
  /** The exchange account holding it; null for a paper position. */
  exchangeAccount: Maybe<ExchangeAccount>;
  id: Scalars['ID']['output'];
  instrument: Instrument;
  /** Latest tick price; null until one has arrived. */
  markPrice: Maybe<Scalars['String']['output']>;
  /** Decimal string. */
  quantity: Scalars['String']['output'];
  /** Quote currency, from closing fills. */
  realizedPnl: Scalars['String']['output'];
  /** BTC-USDT */
  symbol: Scalars['String']['output'];
  /** Marked to the latest tick; null until a tick for the symbol has arrived. Quote currency. */
  unrealizedPnl: Maybe<Scalars['String']['output']>;
};

export type PositionSizeInput = {
  entryPrice: Scalars['Float']['input'];
  equity: Scalars['Float']['input'];
  /** Kelly cap (default 0.25). */
  kellyCap?: InputMaybe<Scalars['Float']['input']>;
  /** Fraction of equity risked per trade (0-0.1]. */
  riskFraction: Scalars['Float']['input'];
  stopPrice: Scalars['Float']['input'];
  winLossRatio: Scalars['Float']['input'];
  /** Historical win rate [0-1] and average win / average loss, for Kelly. */
  winRate: Scalars['Float']['input'];
};

export type PositionSizeSuggestion = {
  __typename?: 'PositionSizeSuggestion';
  /** Units so that hitting the stop loses riskFraction of equity. */
  fixedFractionalQuantity: Scalars['Float']['output'];
  /** Fraction of equity per capped Kelly. */
  kellyFraction: Scalars['Float']['output'];
  /** Units for the Kelly fraction at the entry price. */
  kellyQuantity: Scalars['Float']['output'];
};

export type PriceSeriesInput = {
  /** Closing prices, oldest first, all > 0; every series the same length (2-2000). */
  closes: Array<Scalars['Float']['input']>;
  symbol: Scalars['String']['input'];
};

export type Query = {
  __typename?: 'Query';
  exchangeAccounts: Array<ExchangeAccount>;
  myPortfolio: Maybe<Portfolio>;
  /** The viewer's orders, newest first. */
  orders: TradeOrderConnection;
  /** Risk statistics of a weighted portfolio: the viewer's holdings unless the caller supplies price series. */
  portfolioRisk: PortfolioRiskReport;
  /** One of the viewer's own positions (how the gateway resolves positionUpdated events). */
  position: Maybe<Position>;
  positionSizeSuggestion: PositionSizeSuggestion;
  signalFollows: Array<SignalFollow>;
  tradeOrder: Maybe<TradeOrder>;
  /** ADMIN only. Half-open range [from, to); days are UTC. */
  tradingAnalytics: TradingAnalytics;
};


export type QueryOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TradeOrderFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPortfolioRiskArgs = {
  input?: InputMaybe<PortfolioRiskInput>;
};


export type QueryPositionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPositionSizeSuggestionArgs = {
  input: PositionSizeInput;
};


export type QueryTradeOrderArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTradingAnalyticsArgs = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};

/** A signal a follow did not copy. */
export type SignalCopySkip = {
  __typename?: 'SignalCopySkip';
  at: Scalars['DateTime']['output'];
  reason: Scalars['String']['output'];
  signalId: Scalars['ID']['output'];
};

export type SignalFollow = {
  __typename?: 'SignalFollow';
  active: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  kind: SignalSourceKind;
  sizing: FollowSizing;
  sizingValue: Scalars['String']['output'];
  /** Signals of this source that were not copied, and why (e.g. the follower's tier is FREE); newest first, at most 20. */
  skippedSignals: Array<SignalCopySkip>;
  /** The strategy name or the analyst's user id. */
  source: Scalars['String']['output'];
  /** The source followed (a `signalSources` id); null on follows from before ids. */
  sourceId: Maybe<Scalars['ID']['output']>;
};

export type SignalSourceKind =
  | 'ANALYST'
  | 'STRATEGY';

/**
 * Served by the gateway's graphql-ws server: trading publishes each committed order/position change
 * (outbox → Kafka → live fan-out → Redis); the gateway resolves it through tradeOrder(id:)/position(id:)
 * as the subscriber, who only ever receives their own.
 */
export type Subscription = {
  __typename?: 'Subscription';
  orderUpdated: TradeOrder;
  positionUpdated: Position;
};

/** A trading order (billing owns `Order`, a payment order) as rebuilt from its events. */
export type TradeOrder = {
  __typename?: 'TradeOrder';
  averageFillPrice: Maybe<Scalars['String']['output']>;
  /** Live orders: a cancel was asked for before the exchange could confirm it; the sync finishes it. */
  cancelRequested: Scalars['Boolean']['output'];
  clientOrderId: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  events: Array<TradeOrderEvent>;
  /** Paper when null. */
  exchangeAccount: Maybe<ExchangeAccount>;
  filledQuantity: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  limitPrice: Maybe<Scalars['String']['output']>;
  quantity: Scalars['String']['output'];
  /** Why it was rejected, canceled or expired (or settled short of its quantity by the exchange). */
  reason: Maybe<Scalars['String']['output']>;
  side: OrderSide;
  status: TradeOrderStatus;
  stopPrice: Maybe<Scalars['String']['output']>;
  symbol: Scalars['String']['output'];
  type: OrderType;
  updatedAt: Scalars['DateTime']['output'];
};

export type TradeOrderConnection = {
  __typename?: 'TradeOrderConnection';
  edges: Array<TradeOrderEdge>;
  pageInfo: PageInfo;
};

export type TradeOrderEdge = {
  __typename?: 'TradeOrderEdge';
  cursor: Scalars['String']['output'];
  node: TradeOrder;
};

export type TradeOrderEvent = {
  __typename?: 'TradeOrderEvent';
  occurredAt: Scalars['DateTime']['output'];
  price: Maybe<Scalars['String']['output']>;
  quantity: Maybe<Scalars['String']['output']>;
  reason: Maybe<Scalars['String']['output']>;
  sequence: Scalars['String']['output'];
  tradeId: Maybe<Scalars['String']['output']>;
  type: Scalars['String']['output'];
};

export type TradeOrderFilter = {
  status?: InputMaybe<Array<TradeOrderStatus>>;
  symbol?: InputMaybe<Scalars['String']['input']>;
};

export type TradeOrderStatus =
  | 'ACCEPTED'
  | 'CANCELED'
  | 'EXPIRED'
  | 'FILLED'
  | 'NEW'
  | 'PARTIALLY_FILLED'
  | 'REJECTED';

export type TradingAnalytics = {
  __typename?: 'TradingAnalytics';
  /** Users who placed at least one order in the range. */
  activeTraders: Scalars['Int']['output'];
  pnlDistribution: Array<PnlBucket>;
  volumeByDay: Array<TradingVolumeDay>;
};

/** Fills per UTC day; notional converted to INR at the paper FX rates. */
export type TradingVolumeDay = {
  __typename?: 'TradingVolumeDay';
  day: Scalars['String']['output'];
  fills: Scalars['Int']['output'];
  /** Decimal string of rupees. */
  notional: Scalars['String']['output'];
  /** Orders placed that day. */
  orders: Scalars['Int']['output'];
};

export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
  /** The user's own paper portfolio (admins see anyone's). */
  portfolio: Maybe<Portfolio>;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Portfolio: Portfolio;
  TradeOrder: TradeOrder;
  User: User;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Portfolio:
    ( { __typename: 'Portfolio' }
    & GraphQLRecursivePick<FederationTypes['Portfolio'], {"id":true}> );
  TradeOrder:
    ( { __typename: 'TradeOrder' }
    & GraphQLRecursivePick<FederationTypes['TradeOrder'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  ConnectExchangeAccountInput: ConnectExchangeAccountInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  ExchangeAccount: ResolverTypeWrapper<ExchangeAccountModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ExchangeAccountStatus: ExchangeAccountStatus;
  FollowSignalSourceInput: FollowSignalSourceInput;
  FollowSizing: FollowSizing;
  Instrument: ResolverTypeWrapper<EntityRefModel>;
  Money: ResolverTypeWrapper<Money>;
  MonteCarloSummary: ResolverTypeWrapper<MonteCarloSummary>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  OrderSide: OrderSide;
  OrderType: OrderType;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PlaceOrderInput: PlaceOrderInput;
  PnlBucket: ResolverTypeWrapper<PnlBucket>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Portfolio: ResolverTypeWrapper<PortfolioModel>;
  PortfolioRiskInput: PortfolioRiskInput;
  PortfolioRiskReport: ResolverTypeWrapper<PortfolioRiskReport>;
  Position: ResolverTypeWrapper<PositionModel>;
  PositionSizeInput: PositionSizeInput;
  PositionSizeSuggestion: ResolverTypeWrapper<PositionSizeSuggestion>;
  PriceSeriesInput: PriceSeriesInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SignalCopySkip: ResolverTypeWrapper<SignalCopySkipModel>;
  SignalFollow: ResolverTypeWrapper<SignalFollowModel>;
  SignalSourceKind: SignalSourceKind;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  TradeOrder: ResolverTypeWrapper<TradeOrderModel>;
  TradeOrderConnection: ResolverTypeWrapper<OrderPageModel>;
  TradeOrderEdge: ResolverTypeWrapper<Omit<TradeOrderEdge, 'node'> & { node: ResolversTypes['TradeOrder'] }>;
  TradeOrderEvent: ResolverTypeWrapper<TradeEventModel>;
  TradeOrderFilter: TradeOrderFilter;
  TradeOrderStatus: TradeOrderStatus;
  TradingAnalytics: ResolverTypeWrapper<TradingAnalytics>;
  TradingVolumeDay: ResolverTypeWrapper<TradingVolumeDay>;
  User: ResolverTypeWrapper<EntityRefModel>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  ConnectExchangeAccountInput: ConnectExchangeAccountInput;
  String: Scalars['String']['output'];
  DateTime: Scalars['DateTime']['output'];
  ExchangeAccount: ExchangeAccountModel;
  ID: Scalars['ID']['output'];
  FollowSignalSourceInput: FollowSignalSourceInput;
  Instrument: EntityRefModel;
  Money: Money;
  MonteCarloSummary: MonteCarloSummary;
  Float: Scalars['Float']['output'];
  Mutation: Record<PropertyKey, never>;
  Boolean: Scalars['Boolean']['output'];
  PageInfo: PageInfo;
  PlaceOrderInput: PlaceOrderInput;
  PnlBucket: PnlBucket;
  Int: Scalars['Int']['output'];
  Portfolio: PortfolioModel;
  PortfolioRiskInput: PortfolioRiskInput;
  PortfolioRiskReport: PortfolioRiskReport;
  Position: PositionModel;
  PositionSizeInput: PositionSizeInput;
  PositionSizeSuggestion: PositionSizeSuggestion;
  PriceSeriesInput: PriceSeriesInput;
  Query: Record<PropertyKey, never>;
  SignalCopySkip: SignalCopySkipModel;
  SignalFollow: SignalFollowModel;
  Subscription: Record<PropertyKey, never>;
  TradeOrder: TradeOrderModel;
  TradeOrderConnection: OrderPageModel;
  TradeOrderEdge: Omit<TradeOrderEdge, 'node'> & { node: ResolversParentTypes['TradeOrder'] };
  TradeOrderEvent: TradeEventModel;
  TradeOrderFilter: TradeOrderFilter;
  TradingAnalytics: TradingAnalytics;
  TradingVolumeDay: TradingVolumeDay;
  User: EntityRefModel;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type ExchangeAccountResolvers<ContextType = TradingContext, ParentType extends ResolversParentTypes['ExchangeAccount'] = ResolversParentTypes['ExchangeAccount']> = {
  apiKeyFingerprint?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  apiKeyLast4?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  exchange?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  positions?: Resolver<Array<ResolversTypes['Position']>, ParentType, ContextType>;
  positionsValue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ExchangeAccountStatus'], ParentType, ContextType>;
};

export type InstrumentResolvers<ContextType = TradingContext, ParentType extends ResolversParentTypes['Instrument'] = ResolversParentTypes['Instrument']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = TradingContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MonteCarloSummaryResolvers<ContextType = TradingContext, ParentType extends ResolversParentTypes['MonteCarloSummary'] = ResolversParentTypes['MonteCarloSummary']> = {
  p5?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  p50?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  p95?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = TradingContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  cancelOrder?: Resolver<ResolversTypes['TradeOrder'], ParentType, ContextType, RequireFields<MutationCancelOrderArgs, 'id'>>;
  connectExchangeAccount?: Resolver<ResolversTypes['ExchangeAccount'], ParentType, ContextType, RequireFields<MutationConnectExchangeAccountArgs, 'input'>>;
  disconnectExchangeAccount?: Resolver<ResolversTypes['ExchangeAccount'], ParentType, ContextType, RequireFields<MutationDisconnectExchangeAccountArgs, 'id'>>;
  followSignalSource?: Resolver<ResolversTypes['SignalFollow'], ParentType, ContextType, RequireFields<MutationFollowSignalSourceArgs, 'input'>>;
  placeOrder?: Resolver<ResolversTypes['TradeOrder'], ParentType, ContextType, RequireFields<MutationPlaceOrderArgs, 'input'>>;
  resetPaperPortfolio?: Resolver<ResolversTypes['Portfolio'], ParentType, ContextType>;
  setKillSwitch?: Resolver<ResolversTypes['Portfolio'], ParentType, ContextType, RequireFields<MutationSetKillSwitchArgs, 'enabled'>>;
  unfollowSignalSource?: Resolver<ResolversTypes['SignalFollow'], ParentType, ContextType, RequireFields<MutationUnfollowSignalSourceArgs, 'id'>>;
};

export type PageInfoResolvers<ContextType = TradingContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PnlBucketResolvers<ContextType = TradingContext, ParentType extends ResolversParentTypes['PnlBucket'] = ResolversParentTypes['PnlBucket']> = {
  lowerBound?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  upperBound?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  users?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PortfolioResolvers<ContextType = TradingContext, ParentType extends ResolversParentTypes['Portfolio'] = ResolversParentTypes['Portfolio'], FederationReferenceType extends FederationReferenceTypes['Portfolio'] = FederationReferenceTypes['Portfolio']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Portfolio']> | FederationReferenceType, FederationReferenceType, ContextType>;
  cash?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  killSwitch?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  positions?: Resolver<Array<ResolversTypes['Position']>, ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type PortfolioRiskReportResolvers<ContextType = TradingContext, ParentType extends ResolversParentTypes['PortfolioRiskReport'] = ResolversParentTypes['PortfolioRiskReport']> = {
  correlation?: Resolver<Array<Array<ResolversTypes['Float']>>, ParentType, ContextType>;
  historicalVaR95?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  historicalVaR99?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  maxDrawdown?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  monteCarlo?: Resolver<ResolversTypes['MonteCarloSummary'], ParentType, ContextType>;
  parametricVaR95?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  parametricVaR99?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  sharpeRatio?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  sortinoRatio?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  symbols?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PositionResolvers<ContextType = TradingContext, ParentType extends ResolversParentTypes['Position'] = ResolversParentTypes['Position']> = {
  averagePrice?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  exchangeAccount?: Resolver<Maybe<ResolversTypes['ExchangeAccount']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  instrument?: Resolver<ResolversTypes['Instrument'], ParentType, ContextType>;
  markPrice?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  realizedPnl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unrealizedPnl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PositionSizeSuggestionResolvers<ContextType = TradingContext, ParentType extends ResolversParentTypes['PositionSizeSuggestion'] = ResolversParentTypes['PositionSizeSuggestion']> = {
  fixedFractionalQuantity?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  kellyFraction?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  kellyQuantity?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = TradingContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  exchangeAccounts?: Resolver<Array<ResolversTypes['ExchangeAccount']>, ParentType, ContextType>;
  myPortfolio?: Resolver<Maybe<ResolversTypes['Portfolio']>, ParentType, ContextType>;
  orders?: Resolver<ResolversTypes['TradeOrderConnection'], ParentType, ContextType, RequireFields<QueryOrdersArgs, 'first'>>;
  portfolioRisk?: Resolver<ResolversTypes['PortfolioRiskReport'], ParentType, ContextType, RequireFields<QueryPortfolioRiskArgs, 'input'>>;
  position?: Resolver<Maybe<ResolversTypes['Position']>, ParentType, ContextType, RequireFields<QueryPositionArgs, 'id'>>;
  positionSizeSuggestion?: Resolver<ResolversTypes['PositionSizeSuggestion'], ParentType, ContextType, RequireFields<QueryPositionSizeSuggestionArgs, 'input'>>;
  signalFollows?: Resolver<Array<ResolversTypes['SignalFollow']>, ParentType, ContextType>;
  tradeOrder?: Resolver<Maybe<ResolversTypes['TradeOrder']>, ParentType, ContextType, RequireFields<QueryTradeOrderArgs, 'id'>>;
  tradingAnalytics?: Resolver<ResolversTypes['TradingAnalytics'], ParentType, ContextType, RequireFields<QueryTradingAnalyticsArgs, 'from' | 'to'>>;
};

export type SignalCopySkipResolvers<ContextType = TradingContext, ParentType extends ResolversParentTypes['SignalCopySkip'] = ResolversParentTypes['SignalCopySkip']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  signalId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type SignalFollowResolvers<ContextType = TradingContext, ParentType extends ResolversParentTypes['SignalFollow'] = ResolversParentTypes['SignalFollow']> = {
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['SignalSourceKind'], ParentType, ContextType>;
  sizing?: Resolver<ResolversTypes['FollowSizing'], ParentType, ContextType>;
  sizingValue?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  skippedSignals?: Resolver<Array<ResolversTypes['SignalCopySkip']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sourceId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = TradingContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  orderUpdated?: SubscriptionResolver<ResolversTypes['TradeOrder'], "orderUpdated", ParentType, ContextType>;
  positionUpdated?: SubscriptionResolver<ResolversTypes['Position'], "positionUpdated", ParentType, ContextType>;
};

export type TradeOrderResolvers<ContextType = TradingContext, ParentType extends ResolversParentTypes['TradeOrder'] = ResolversParentTypes['TradeOrder'], FederationReferenceType extends FederationReferenceTypes['TradeOrder'] = FederationReferenceTypes['TradeOrder']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['TradeOrder']> | FederationReferenceType, FederationReferenceType, ContextType>;
  averageFillPrice?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  cancelRequested?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  clientOrderId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  events?: Resolver<Array<ResolversTypes['TradeOrderEvent']>, ParentType, ContextType>;
  exchangeAccount?: Resolver<Maybe<ResolversTypes['ExchangeAccount']>, ParentType, ContextType>;
  filledQuantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  limitPrice?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  side?: Resolver<ResolversTypes['OrderSide'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['TradeOrderStatus'], ParentType, ContextType>;
  stopPrice?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['OrderType'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type TradeOrderConnectionResolvers<ContextType = TradingContext, ParentType extends ResolversParentTypes['TradeOrderConnection'] = ResolversParentTypes['TradeOrderConnection']> = {
  edges?: Resolver<Array<ResolversTypes['TradeOrderEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type TradeOrderEdgeResolvers<ContextType = TradingContext, ParentType extends ResolversParentTypes['TradeOrderEdge'] = ResolversParentTypes['TradeOrderEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['TradeOrder'], ParentType, ContextType>;
};

export type TradeOrderEventResolvers<ContextType = TradingContext, ParentType extends ResolversParentTypes['TradeOrderEvent'] = ResolversParentTypes['TradeOrderEvent']> = {
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  price?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  quantity?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sequence?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tradeId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TradingAnalyticsResolvers<ContextType = TradingContext, ParentType extends ResolversParentTypes['TradingAnalytics'] = ResolversParentTypes['TradingAnalytics']> = {
  activeTraders?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pnlDistribution?: Resolver<Array<ResolversTypes['PnlBucket']>, ParentType, ContextType>;
  volumeByDay?: Resolver<Array<ResolversTypes['TradingVolumeDay']>, ParentType, ContextType>;
};

export type TradingVolumeDayResolvers<ContextType = TradingContext, ParentType extends ResolversParentTypes['TradingVolumeDay'] = ResolversParentTypes['TradingVolumeDay']> = {
  day?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fills?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  notional?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orders?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = TradingContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  portfolio?: Resolver<Maybe<ResolversTypes['Portfolio']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = TradingContext> = {
  DateTime?: GraphQLScalarType;
  ExchangeAccount?: ExchangeAccountResolvers<ContextType>;
  Instrument?: InstrumentResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  MonteCarloSummary?: MonteCarloSummaryResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PnlBucket?: PnlBucketResolvers<ContextType>;
  Portfolio?: PortfolioResolvers<ContextType>;
  PortfolioRiskReport?: PortfolioRiskReportResolvers<ContextType>;
  Position?: PositionResolvers<ContextType>;
  PositionSizeSuggestion?: PositionSizeSuggestionResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SignalCopySkip?: SignalCopySkipResolvers<ContextType>;
  SignalFollow?: SignalFollowResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  TradeOrder?: TradeOrderResolvers<ContextType>;
  TradeOrderConnection?: TradeOrderConnectionResolvers<ContextType>;
  TradeOrderEdge?: TradeOrderEdgeResolvers<ContextType>;
  TradeOrderEvent?: TradeOrderEventResolvers<ContextType>;
  TradingAnalytics?: TradingAnalyticsResolvers<ContextType>;
  TradingVolumeDay?: TradingVolumeDayResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

