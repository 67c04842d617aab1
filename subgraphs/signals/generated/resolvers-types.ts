import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Instrument as InstrumentModel, Signal as SignalModel, Candle as CandleModel } from '../../../platform/prisma/generated/client';
import type { EntityRef as EntityRefModel } from '../../../platform/federation';
import type { StrategyDefinition as StrategyDefinitionModel } from '../strategies/definitions';
import type { BacktestResult as BacktestResultModel } from '../services/strategies';
import type { Trade as TradeModel } from '../strategies/backtest';
import type { SignalsContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
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

export type AssetClass =
  | 'CRYPTO'
  | 'EQUITY';

/** Ratios are fractions (0.12 is 12%); Sharpe and Sortino are annualised from per-candle returns. */
export type Backtest = {
  __typename?: 'Backtest';
  cagr: Maybe<Scalars['Float']['output']>;
  candles: Scalars['Int']['output'];
  equityCurve: Array<EquityPoint>;
  instrument: Instrument;
  maxDrawdown: Scalars['Float']['output'];
  profitFactor: Maybe<Scalars['Float']['output']>;
  sharpe: Maybe<Scalars['Float']['output']>;
  sortino: Maybe<Scalars['Float']['output']>;
  strategy: StrategyKind;
  totalReturn: Scalars['Float']['output'];
  trades: Array<BacktestTrade>;
  winRate: Maybe<Scalars['Float']['output']>;
};

export type BacktestInput = {
  /** Fee per fill, in basis points of the traded value (0 to 500). */
  feeBps?: InputMaybe<Scalars['Int']['input']>;
  /** Candles at or after this time (default: as far back as the tier's history reaches). */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  interval?: InputMaybe<CandleInterval>;
  /** Adverse price move per fill, in basis points (0 to 500). */
  slippageBps?: InputMaybe<Scalars['Int']['input']>;
  strategy: StrategyKind;
  symbol: Scalars['String']['input'];
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** A long-only round trip: bought on a BUY signal, sold on the next SELL signal (or at the last candle). */
export type BacktestTrade = {
  __typename?: 'BacktestTrade';
  /** Decimal strings, fill prices after slippage. */
  entryPrice: Scalars['String']['output'];
  entryTime: Scalars['DateTime']['output'];
  exitPrice: Scalars['String']['output'];
  exitTime: Scalars['DateTime']['output'];
  /** Net of fees, as a fraction (0.05 is +5%). */
  return: Scalars['Float']['output'];
};

/** OHLCV bar; prices and volume are decimal strings. */
export type Candle = {
  __typename?: 'Candle';
  close: Scalars['String']['output'];
  high: Scalars['String']['output'];
  low: Scalars['String']['output'];
  open: Scalars['String']['output'];
  openTime: Scalars['DateTime']['output'];
  volume: Scalars['String']['output'];
};

export type CandleInterval =
  | 'ONE_DAY'
  | 'ONE_HOUR';

export type EquityPoint = {
  __typename?: 'EquityPoint';
  /** Equity relative to the start (1.0 = unchanged). */
  equity: Scalars['Float']['output'];
  time: Scalars['DateTime']['output'];
};

export type Instrument = {
  __typename?: 'Instrument';
  assetClass: AssetClass;
  /** The most recent candles, oldest first (at most 500). */
  candles: Array<Candle>;
  exchange: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Close of the latest daily candle, a decimal string in the quote currency. */
  lastPrice: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  quoteCurrency: Scalars['String']['output'];
  /** BTC-USDT, NSE:RELIANCE */
  symbol: Scalars['String']['output'];
  /** Decimal string. */
  tickSize: Scalars['String']['output'];
};


export type InstrumentCandlesArgs = {
  interval?: InputMaybe<CandleInterval>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Analysts and admins publish a signal; it is announced on Kafka topic signals.published. */
  publishSignal: Signal;
  /** Analysts and admins run a strategy on the latest candles; publishes its signal, if the last candle gives one. */
  runStrategy: Maybe<Signal>;
};


export type MutationPublishSignalArgs = {
  input: PublishSignalInput;
};


export type MutationRunStrategyArgs = {
  input: RunStrategyInput;
};

export type PublishSignalInput = {
  /** Decimal string between 0 and 1. */
  confidence: Scalars['String']['input'];
  /** Decimal string, positive. */
  price: Scalars['String']['input'];
  side: SignalSide;
  strategy: Scalars['String']['input'];
  symbol: Scalars['String']['input'];
};

export type Query = {
  __typename?: 'Query';
  /** Runs a strategy over stored candles with fees and slippage; no candle sees the future. */
  backtest: Backtest;
  instrument: Maybe<Instrument>;
  instruments: Array<Instrument>;
  /** One signal, if the caller's tier may see it. */
  signal: Maybe<Signal>;
  /**
   * Newest first; with afterSequence, the signals after it, oldest first (gap recovery after a reconnect).
   * Tier rules apply: FREE sees 7 days, 15 minutes delayed, the first 5 of each day; PREMIUM 90 days.
   */
  signals: Array<Signal>;
  strategies: Array<Strategy>;
};


export type QueryBacktestArgs = {
  input: BacktestInput;
};


export type QueryInstrumentArgs = {
  symbol: Scalars['String']['input'];
};


export type QueryInstrumentsArgs = {
  assetClass?: InputMaybe<AssetClass>;
};


export type QuerySignalArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySignalsArgs = {
  afterSequence?: InputMaybe<Scalars['String']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type RunStrategyInput = {
  interval?: InputMaybe<CandleInterval>;
  strategy: StrategyKind;
  symbol: Scalars['String']['input'];
};

export type Signal = {
  __typename?: 'Signal';
  author: Maybe<User>;
  /** 0 to 1, a decimal string. */
  confidence: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  instrument: Instrument;
  price: Scalars['String']['output'];
  /** Monotonic (a decimal string): resume after a reconnect with signals(afterSequence:). */
  sequence: Scalars['String']['output'];
  side: SignalSide;
  strategy: Scalars['String']['output'];
};

export type SignalSide =
  | 'BUY'
  | 'SELL';

export type Strategy = {
  __typename?: 'Strategy';
  description: Scalars['String']['output'];
  kind: StrategyKind;
  /** The name signals of this strategy carry in Signal.strategy. */
  name: Scalars['String']['output'];
  /** Candles needed before the strategy can signal. */
  warmUp: Scalars['Int']['output'];
};

/** Rules that turn indicators into BUY/SELL signals. */
export type StrategyKind =
  /** Close breaks above the upper Bollinger band (20, 2): BUY; below the middle band: SELL. */
  | 'BOLLINGER_BREAKOUT'
  /** MACD(12, 26, 9) line crosses its signal line: up BUY, down SELL. */
  | 'MACD_CROSSOVER'
  /** RSI(14) crosses up through 30: BUY; down through 70: SELL. */
  | 'RSI_MEAN_REVERSION';

/**
 * Served by the gateway's graphql-ws server (same URL as queries): events arrive from Kafka through the
 * signals fan-out and Redis; fields are resolved through the supergraph. FREE subscribers get the delayed,
 * capped stream.
 */
export type Subscription = {
  __typename?: 'Subscription';
  /** Signals as they are published, optionally only for these symbols. */
  signalPublished: Signal;
};


/**
 * Served by the gateway's graphql-ws server (same URL as queries): events arrive from Kafka through the
 * signals fan-out and Redis; fields are resolved through the supergraph. FREE subscribers get the delayed,
 * capped stream.
 */
export type SubscriptionSignalPublishedArgs = {
  symbols?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
  /** Signals this user published (analysts). */
  publishedSignals: Array<Signal>;
};


export type UserPublishedSignalsArgs = {
  last?: InputMaybe<Scalars['Int']['input']>;
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
  Instrument: Instrument;
  Signal: Signal;
  User: User;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Instrument:
    ( { __typename: 'Instrument' }
    & GraphQLRecursivePick<FederationTypes['Instrument'], {"id":true}> );
  Signal:
    ( { __typename: 'Signal' }
    & GraphQLRecursivePick<FederationTypes['Signal'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AssetClass: AssetClass;
  Backtest: ResolverTypeWrapper<BacktestResultModel>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  BacktestInput: BacktestInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  BacktestTrade: ResolverTypeWrapper<TradeModel>;
  Candle: ResolverTypeWrapper<CandleModel>;
  CandleInterval: CandleInterval;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  EquityPoint: ResolverTypeWrapper<EquityPoint>;
  Instrument: ResolverTypeWrapper<InstrumentModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PublishSignalInput: PublishSignalInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RunStrategyInput: RunStrategyInput;
  Signal: ResolverTypeWrapper<SignalModel>;
  SignalSide: SignalSide;
  Strategy: ResolverTypeWrapper<StrategyDefinitionModel>;
  StrategyKind: StrategyKind;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  User: ResolverTypeWrapper<EntityRefModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Backtest: BacktestResultModel;
  Float: Scalars['Float']['output'];
  Int: Scalars['Int']['output'];
  BacktestInput: BacktestInput;
  String: Scalars['String']['output'];
  BacktestTrade: TradeModel;
  Candle: CandleModel;
  DateTime: Scalars['DateTime']['output'];
  EquityPoint: EquityPoint;
  Instrument: InstrumentModel;
  ID: Scalars['ID']['output'];
  Mutation: Record<PropertyKey, never>;
  PublishSignalInput: PublishSignalInput;
  Query: Record<PropertyKey, never>;
  RunStrategyInput: RunStrategyInput;
  Signal: SignalModel;
  Strategy: StrategyDefinitionModel;
  Subscription: Record<PropertyKey, never>;
  User: EntityRefModel;
  Boolean: Scalars['Boolean']['output'];
};

export type BacktestResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['Backtest'] = ResolversParentTypes['Backtest']> = {
  cagr?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  candles?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  equityCurve?: Resolver<Array<ResolversTypes['EquityPoint']>, ParentType, ContextType>;
  instrument?: Resolver<ResolversTypes['Instrument'], ParentType, ContextType>;
  maxDrawdown?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  profitFactor?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  sharpe?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  sortino?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  strategy?: Resolver<ResolversTypes['StrategyKind'], ParentType, ContextType>;
  totalReturn?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  trades?: Resolver<Array<ResolversTypes['BacktestTrade']>, ParentType, ContextType>;
  winRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type BacktestTradeResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['BacktestTrade'] = ResolversParentTypes['BacktestTrade']> = {
  entryPrice?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  entryTime?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  exitPrice?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  exitTime?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  return?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type CandleResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['Candle'] = ResolversParentTypes['Candle']> = {
  close?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  high?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  low?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  open?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  openTime?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  volume?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EquityPointResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['EquityPoint'] = ResolversParentTypes['EquityPoint']> = {
  equity?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type InstrumentResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['Instrument'] = ResolversParentTypes['Instrument'], FederationReferenceType extends FederationReferenceTypes['Instrument'] = FederationReferenceTypes['Instrument']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Instrument']> | FederationReferenceType, FederationReferenceType, ContextType>;
  assetClass?: Resolver<ResolversTypes['AssetClass'], ParentType, ContextType>;
  candles?: Resolver<Array<ResolversTypes['Candle']>, ParentType, ContextType, RequireFields<InstrumentCandlesArgs, 'interval' | 'last'>>;
  exchange?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastPrice?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  quoteCurrency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tickSize?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  publishSignal?: Resolver<ResolversTypes['Signal'], ParentType, ContextType, RequireFields<MutationPublishSignalArgs, 'input'>>;
  runStrategy?: Resolver<Maybe<ResolversTypes['Signal']>, ParentType, ContextType, RequireFields<MutationRunStrategyArgs, 'input'>>;
};

export type QueryResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  backtest?: Resolver<ResolversTypes['Backtest'], ParentType, ContextType, RequireFields<QueryBacktestArgs, 'input'>>;
  instrument?: Resolver<Maybe<ResolversTypes['Instrument']>, ParentType, ContextType, RequireFields<QueryInstrumentArgs, 'symbol'>>;
  instruments?: Resolver<Array<ResolversTypes['Instrument']>, ParentType, ContextType, Partial<QueryInstrumentsArgs>>;
  signal?: Resolver<Maybe<ResolversTypes['Signal']>, ParentType, ContextType, RequireFields<QuerySignalArgs, 'id'>>;
  signals?: Resolver<Array<ResolversTypes['Signal']>, ParentType, ContextType, RequireFields<QuerySignalsArgs, 'last'>>;
  strategies?: Resolver<Array<ResolversTypes['Strategy']>, ParentType, ContextType>;
};

export type SignalResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['Signal'] = ResolversParentTypes['Signal'], FederationReferenceType extends FederationReferenceTypes['Signal'] = FederationReferenceTypes['Signal']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Signal']> | FederationReferenceType, FederationReferenceType, ContextType>;
  author?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  confidence?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  instrument?: Resolver<ResolversTypes['Instrument'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sequence?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  side?: Resolver<ResolversTypes['SignalSide'], ParentType, ContextType>;
  strategy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type StrategyResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['Strategy'] = ResolversParentTypes['Strategy']> = {
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['StrategyKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  warmUp?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  signalPublished?: SubscriptionResolver<ResolversTypes['Signal'], "signalPublished", ParentType, ContextType, Partial<SubscriptionSignalPublishedArgs>>;
};

export type UserResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  publishedSignals?: Resolver<Array<ResolversTypes['Signal']>, ParentType, ContextType, RequireFields<UserPublishedSignalsArgs, 'last'>>;
};

export type Resolvers<ContextType = SignalsContext> = {
  Backtest?: BacktestResolvers<ContextType>;
  BacktestTrade?: BacktestTradeResolvers<ContextType>;
  Candle?: CandleResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  EquityPoint?: EquityPointResolvers<ContextType>;
  Instrument?: InstrumentResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Signal?: SignalResolvers<ContextType>;
  Strategy?: StrategyResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

