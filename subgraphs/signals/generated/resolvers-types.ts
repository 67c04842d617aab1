import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Instrument as InstrumentModel, Signal as SignalModel, Candle as CandleModel, SignalSource as SignalSourceModel, PriceAlert as PriceAlertModel } from '../../../platform/prisma/generated/client';
import type { MarketTickRow as MarketTickRowModel } from '../services/marketTicks';
import type { SignalPage as SignalPageModel } from '../services/signalConnection';
import type { EntityRef as EntityRefModel } from '../../../platform/federation';
import type { StrategyDefinition as StrategyDefinitionModel } from '../strategies/definitions';
import type { BacktestResult as BacktestResultModel } from '../services/strategies';
import type { Trade as TradeModel } from '../strategies/backtest';
import type { SignalsContext } from '../context';
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
  source: PriceSource;
  volume: Scalars['String']['output'];
};

export type CandleInterval =
  /** Rolled up from the 1m candles, as are the hours and days the feed covers. */
  | 'FIVE_MINUTES'
  | 'ONE_DAY'
  | 'ONE_HOUR'
  /** Built at run time from the market-data feed's trades. */
  | 'ONE_MINUTE';

export type CreatePriceAlertInput = {
  direction: PriceAlertDirection;
  /** Decimal string, positive, on the instrument's tick grid. */
  price: Scalars['String']['input'];
  symbol: Scalars['String']['input'];
};

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
  /** The latest price from the market-data feed (else the latest daily close), a decimal string in the quote currency. */
  lastPrice: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  /** The latest quote with its time, source and staleness; null before the first tick. */
  quote: Maybe<MarketTick>;
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

/** The latest price of an instrument, as ticked by the market-data feed. */
export type MarketTick = {
  __typename?: 'MarketTick';
  ask: Maybe<Scalars['String']['output']>;
  /** The quote's own time at the exchange. */
  at: Scalars['DateTime']['output'];
  bid: Maybe<Scalars['String']['output']>;
  instrument: Maybe<Instrument>;
  /** Decimal strings in the quote currency. */
  price: Scalars['String']['output'];
  source: PriceSource;
  /** True when the quote is older than the feed's staleness limit (MARKET_DATA_STALE_SECONDS): not acted on. */
  stale: Scalars['Boolean']['output'];
  symbol: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Cancels one of the viewer's ACTIVE alerts. */
  cancelPriceAlert: PriceAlert;
  /** The publishing analyst, or an admin, withdraws an ACTIVE signal; announced on signals.updated. */
  cancelSignal: Signal;
  /** An alert on the first tick at or beyond a price; triggered once, delivered by priceAlertTriggered. */
  createPriceAlert: PriceAlert;
  /** Analysts and admins publish a signal; it is announced on Kafka topic signals.published. */
  publishSignal: Signal;
  /** Analysts and admins run a strategy on the latest candles; publishes its signal, if the last candle gives one. */
  runStrategy: Maybe<Signal>;
};


export type MutationCancelPriceAlertArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCancelSignalArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreatePriceAlertArgs = {
  input: CreatePriceAlertInput;
};


export type MutationPublishSignalArgs = {
  input: PublishSignalInput;
};


export type MutationRunStrategyArgs = {
  input: RunStrategyInput;
};

export type PriceAlert = {
  __typename?: 'PriceAlert';
  createdAt: Scalars['DateTime']['output'];
  direction: PriceAlertDirection;
  id: Scalars['ID']['output'];
  instrument: Instrument;
  /** Decimal string. */
  price: Scalars['String']['output'];
  status: PriceAlertStatus;
  triggeredAt: Maybe<Scalars['DateTime']['output']>;
  /** The tick price that triggered it. */
  triggeredPrice: Maybe<Scalars['String']['output']>;
};

export type PriceAlertDirection =
  /** Triggers on the first tick at or above the price. */
  | 'ABOVE'
  /** Triggers on the first tick at or below the price. */
  | 'BELOW';

export type PriceAlertStatus =
  | 'ACTIVE'
  | 'CANCELLED'
  | 'TRIGGERED';

/** Where a price came from. SIMULATED: generated (the demo seed, the Binance emulator), not market data. */
export type PriceSource =
  | 'BINANCE'
  | 'KITE'
  | 'SIMULATED';

export type PublishSignalInput = {
  /** 0 to 100. */
  confidence: Scalars['Int']['input'];
  /** Decimal strings, positive, on the instrument's tick grid. */
  entryPrice: Scalars['String']['input'];
  /** In the future; default 7 days after publication. */
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Why: 1 to 2000 characters. */
  rationale?: InputMaybe<Scalars['String']['input']>;
  side: SignalSide;
  /** BUY: below entry, SELL: above entry. Required for BUY and SELL. */
  stopLoss?: InputMaybe<Scalars['String']['input']>;
  /** A label (a-z, 0-9, -) for the analyst's method; default discretionary. */
  strategy?: InputMaybe<Scalars['String']['input']>;
  symbol: Scalars['String']['input'];
  /** BUY: above entry, SELL: below entry. Required for BUY and SELL. */
  targetPrice?: InputMaybe<Scalars['String']['input']>;
};

export type Query = {
  __typename?: 'Query';
  /** Runs a strategy over stored candles with fees and slippage; no candle sees the future. */
  backtest: Backtest;
  instrument: Maybe<Instrument>;
  instruments: Array<Instrument>;
  /** The latest tick of an instrument (null before the feed has ticked it). */
  marketTick: Maybe<MarketTick>;
  /** One of the viewer's price alerts. */
  priceAlert: Maybe<PriceAlert>;
  /** The viewer's price alerts, newest first. */
  priceAlerts: Array<PriceAlert>;
  /** One signal, if the caller's tier may see it. */
  signal: Maybe<Signal>;
  /** ADMIN and ANALYST: signal counts and outcomes by source and strategy over [from, to). */
  signalAnalytics: SignalAnalytics;
  /** Every strategy in code and every analyst that has published, with performance; the `id` is what followSignalSource takes. */
  signalSources: Array<SignalSource>;
  /**
   * A Relay connection in ascending sequence order; cursors are sequences. `first`/`after` pages forward
   * (after a reconnect, pass the last sequence seen as `after`); `last`/`before` pages back from the newest.
   * Without first or last: the newest 20, or the first 20 after `after`. `afterSequence` is an alias of `after`.
   * Tier rules apply: FREE sees 7 days, 15 minutes delayed, the first 5 of each day; PREMIUM 90 days.
   */
  signals: SignalConnection;
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


export type QueryMarketTickArgs = {
  symbol: Scalars['String']['input'];
};


export type QueryPriceAlertArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySignalArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySignalAnalyticsArgs = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};


export type QuerySignalsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  afterSequence?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SignalFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
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
  /** Decimal string: the tick that closed it, or the last known price at expiry. */
  closePrice: Maybe<Scalars['String']['output']>;
  closedAt: Maybe<Scalars['DateTime']['output']>;
  /** 0 to 100. */
  confidence: Scalars['Int']['output'];
  /** When it was generated. */
  createdAt: Scalars['DateTime']['output'];
  entryPrice: Scalars['String']['output'];
  expiresAt: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  instrument: Instrument;
  /** Demo history the development seed played out on simulated candles (never present in production). */
  isDemo: Scalars['Boolean']['output'];
  /** The entry price (decimal string); the same as entryPrice. */
  price: Scalars['String']['output'];
  rationale: Maybe<Scalars['String']['output']>;
  /** Fraction (0.05 is +5%), signed by side; null while active and when cancelled. */
  realizedReturn: Maybe<Scalars['Float']['output']>;
  /** Monotonic (a decimal string): resume after a reconnect with signals(after:). */
  sequence: Scalars['String']['output'];
  side: SignalSide;
  /** Who produced it; null only for signals from before sources existed. */
  source: Maybe<SignalSource>;
  status: SignalStatus;
  stopLoss: Maybe<Scalars['String']['output']>;
  /** The strategy name, or the analyst's label for a hand-published signal. */
  strategy: Scalars['String']['output'];
  /** Decimal strings; null for HOLD/EXIT and for signals from before lifecycles. */
  targetPrice: Maybe<Scalars['String']['output']>;
};

/** Admin analytics over signals generated in [from, to). */
export type SignalAnalytics = {
  __typename?: 'SignalAnalytics';
  bySource: Array<SignalSourceStat>;
  byStrategy: Array<SignalStrategyStat>;
};

/** Edges in ascending sequence order. */
export type SignalConnection = {
  __typename?: 'SignalConnection';
  edges: Array<SignalEdge>;
  pageInfo: SignalPageInfo;
};

export type SignalEdge = {
  __typename?: 'SignalEdge';
  /** The signal's sequence: pass it as `after` to continue (gap recovery after a reconnect). */
  cursor: Scalars['String']['output'];
  node: Signal;
};

export type SignalFilter = {
  /** Symbols, e.g. BTC-USDT. */
  instruments?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Generated at or after this time. */
  since?: InputMaybe<Scalars['DateTime']['input']>;
  /** SignalSource ids. */
  sources?: InputMaybe<Array<Scalars['ID']['input']>>;
  status?: InputMaybe<Array<SignalStatus>>;
};

export type SignalPageInfo = {
  __typename?: 'SignalPageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor: Maybe<Scalars['String']['output']>;
};

export type SignalSide =
  | 'BUY'
  /** Close an open position: informational, closed only by expiry or cancellation. */
  | 'EXIT'
  /** Keep an open position: informational, closed only by expiry or cancellation. */
  | 'HOLD'
  | 'SELL';

export type SignalSource = {
  __typename?: 'SignalSource';
  /** The analyst, for kind ANALYST. */
  analyst: Maybe<User>;
  id: Scalars['ID']['output'];
  /** A demo source (the development seed's demo analyst); never present in production. */
  isDemo: Scalars['Boolean']['output'];
  kind: SignalSourceKind;
  name: Scalars['String']['output'];
  performance: SignalSourcePerformance;
};

export type SignalSourceKind =
  | 'ANALYST'
  | 'STRATEGY';

/**
 * Over the source's closed BUY/SELL signals (TARGET_HIT, STOPPED_OUT, EXPIRED with a realized return; cancelled
 * ones and HOLD/EXIT do not count), in closing order. Returns are fractions; Sharpe is per signal (mean / sample standard deviation, not annualised);
 * max drawdown is on the compounded equity curve, as a fraction of its running peak.
 */
export type SignalSourcePerformance = {
  __typename?: 'SignalSourcePerformance';
  averageReturn: Maybe<Scalars['Float']['output']>;
  closedSignals: Scalars['Int']['output'];
  hitRate: Maybe<Scalars['Float']['output']>;
  maxDrawdown: Maybe<Scalars['Float']['output']>;
  sharpe: Maybe<Scalars['Float']['output']>;
};

export type SignalSourceStat = {
  __typename?: 'SignalSourceStat';
  averageReturn: Maybe<Scalars['Float']['output']>;
  closed: Scalars['Int']['output'];
  hitRate: Maybe<Scalars['Float']['output']>;
  signals: Scalars['Int']['output'];
  sourceId: Scalars['ID']['output'];
  sourceName: Scalars['String']['output'];
};

export type SignalStatus =
  | 'ACTIVE'
  /** Withdrawn by its publisher. */
  | 'CANCELLED'
  /** Still active at expiresAt; closed at the last known price. */
  | 'EXPIRED'
  /** A tick reached the stop loss. */
  | 'STOPPED_OUT'
  /** A tick reached the target price. */
  | 'TARGET_HIT';

export type SignalStrategyStat = {
  __typename?: 'SignalStrategyStat';
  averageReturn: Maybe<Scalars['Float']['output']>;
  closed: Scalars['Int']['output'];
  hitRate: Maybe<Scalars['Float']['output']>;
  signals: Scalars['Int']['output'];
  strategy: Scalars['String']['output'];
};

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
  /** Ticks of these symbols, republished from Kafka market.ticks. */
  marketTicks: MarketTick;
  /** The viewer's price alerts as they trigger. */
  priceAlertTriggered: PriceAlert;
  /** Signals as they are published, optionally only for these symbols. */
  signalPublished: Signal;
  /** Status changes (target hit, stopped out, expired, cancelled), optionally only for these symbols. */
  signalUpdated: Signal;
};


/**
 * Served by the gateway's graphql-ws server (same URL as queries): events arrive from Kafka through the
 * signals fan-out and Redis; fields are resolved through the supergraph. FREE subscribers get the delayed,
 * capped stream.
 */
export type SubscriptionMarketTicksArgs = {
  symbols: Array<Scalars['String']['input']>;
};


/**
 * Served by the gateway's graphql-ws server (same URL as queries): events arrive from Kafka through the
 * signals fan-out and Redis; fields are resolved through the supergraph. FREE subscribers get the delayed,
 * capped stream.
 */
export type SubscriptionSignalPublishedArgs = {
  symbols?: InputMaybe<Array<Scalars['String']['input']>>;
};


/**
 * Served by the gateway's graphql-ws server (same URL as queries): events arrive from Kafka through the
 * signals fan-out and Redis; fields are resolved through the supergraph. FREE subscribers get the delayed,
 * capped stream.
 */
export type SubscriptionSignalUpdatedArgs = {
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
  PriceAlert: PriceAlert;
  Signal: Signal;
  SignalSource: SignalSource;
  User: User;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Instrument:
    ( { __typename: 'Instrument' }
    & GraphQLRecursivePick<FederationTypes['Instrument'], {"id":true}> );
  PriceAlert:
    ( { __typename: 'PriceAlert' }
    & GraphQLRecursivePick<FederationTypes['PriceAlert'], {"id":true}> );
  Signal:
    ( { __typename: 'Signal' }
    & GraphQLRecursivePick<FederationTypes['Signal'], {"id":true}> );
  SignalSource:
    ( { __typename: 'SignalSource' }
    & GraphQLRecursivePick<FederationTypes['SignalSource'], {"id":true}> );
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
  CreatePriceAlertInput: CreatePriceAlertInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  EquityPoint: ResolverTypeWrapper<EquityPoint>;
  Instrument: ResolverTypeWrapper<InstrumentModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  MarketTick: ResolverTypeWrapper<MarketTickRowModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PriceAlert: ResolverTypeWrapper<PriceAlertModel>;
  PriceAlertDirection: PriceAlertDirection;
  PriceAlertStatus: PriceAlertStatus;
  PriceSource: PriceSource;
  PublishSignalInput: PublishSignalInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RunStrategyInput: RunStrategyInput;
  Signal: ResolverTypeWrapper<SignalModel>;
  SignalAnalytics: ResolverTypeWrapper<SignalAnalytics>;
  SignalConnection: ResolverTypeWrapper<SignalPageModel>;
  SignalEdge: ResolverTypeWrapper<Omit<SignalEdge, 'node'> & { node: ResolversTypes['Signal'] }>;
  SignalFilter: SignalFilter;
  SignalPageInfo: ResolverTypeWrapper<SignalPageInfo>;
  SignalSide: SignalSide;
  SignalSource: ResolverTypeWrapper<SignalSourceModel>;
  SignalSourceKind: SignalSourceKind;
  SignalSourcePerformance: ResolverTypeWrapper<SignalSourcePerformance>;
  SignalSourceStat: ResolverTypeWrapper<SignalSourceStat>;
  SignalStatus: SignalStatus;
  SignalStrategyStat: ResolverTypeWrapper<SignalStrategyStat>;
  Strategy: ResolverTypeWrapper<StrategyDefinitionModel>;
  StrategyKind: StrategyKind;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  User: ResolverTypeWrapper<EntityRefModel>;
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
  CreatePriceAlertInput: CreatePriceAlertInput;
  DateTime: Scalars['DateTime']['output'];
  EquityPoint: EquityPoint;
  Instrument: InstrumentModel;
  ID: Scalars['ID']['output'];
  MarketTick: MarketTickRowModel;
  Boolean: Scalars['Boolean']['output'];
  Mutation: Record<PropertyKey, never>;
  PriceAlert: PriceAlertModel;
  PublishSignalInput: PublishSignalInput;
  Query: Record<PropertyKey, never>;
  RunStrategyInput: RunStrategyInput;
  Signal: SignalModel;
  SignalAnalytics: SignalAnalytics;
  SignalConnection: SignalPageModel;
  SignalEdge: Omit<SignalEdge, 'node'> & { node: ResolversParentTypes['Signal'] };
  SignalFilter: SignalFilter;
  SignalPageInfo: SignalPageInfo;
  SignalSource: SignalSourceModel;
  SignalSourcePerformance: SignalSourcePerformance;
  SignalSourceStat: SignalSourceStat;
  SignalStrategyStat: SignalStrategyStat;
  Strategy: StrategyDefinitionModel;
  Subscription: Record<PropertyKey, never>;
  User: EntityRefModel;
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
  source?: Resolver<ResolversTypes['PriceSource'], ParentType, ContextType>;
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
  quote?: Resolver<Maybe<ResolversTypes['MarketTick']>, ParentType, ContextType>;
  quoteCurrency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tickSize?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MarketTickResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['MarketTick'] = ResolversParentTypes['MarketTick']> = {
  ask?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  bid?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  instrument?: Resolver<Maybe<ResolversTypes['Instrument']>, ParentType, ContextType>;
  price?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['PriceSource'], ParentType, ContextType>;
  stale?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  cancelPriceAlert?: Resolver<ResolversTypes['PriceAlert'], ParentType, ContextType, RequireFields<MutationCancelPriceAlertArgs, 'id'>>;
  cancelSignal?: Resolver<ResolversTypes['Signal'], ParentType, ContextType, RequireFields<MutationCancelSignalArgs, 'id'>>;
  createPriceAlert?: Resolver<ResolversTypes['PriceAlert'], ParentType, ContextType, RequireFields<MutationCreatePriceAlertArgs, 'input'>>;
  publishSignal?: Resolver<ResolversTypes['Signal'], ParentType, ContextType, RequireFields<MutationPublishSignalArgs, 'input'>>;
  runStrategy?: Resolver<Maybe<ResolversTypes['Signal']>, ParentType, ContextType, RequireFields<MutationRunStrategyArgs, 'input'>>;
};

export type PriceAlertResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['PriceAlert'] = ResolversParentTypes['PriceAlert'], FederationReferenceType extends FederationReferenceTypes['PriceAlert'] = FederationReferenceTypes['PriceAlert']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['PriceAlert']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  direction?: Resolver<ResolversTypes['PriceAlertDirection'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  instrument?: Resolver<ResolversTypes['Instrument'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PriceAlertStatus'], ParentType, ContextType>;
  triggeredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  triggeredPrice?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  backtest?: Resolver<ResolversTypes['Backtest'], ParentType, ContextType, RequireFields<QueryBacktestArgs, 'input'>>;
  instrument?: Resolver<Maybe<ResolversTypes['Instrument']>, ParentType, ContextType, RequireFields<QueryInstrumentArgs, 'symbol'>>;
  instruments?: Resolver<Array<ResolversTypes['Instrument']>, ParentType, ContextType, Partial<QueryInstrumentsArgs>>;
  marketTick?: Resolver<Maybe<ResolversTypes['MarketTick']>, ParentType, ContextType, RequireFields<QueryMarketTickArgs, 'symbol'>>;
  priceAlert?: Resolver<Maybe<ResolversTypes['PriceAlert']>, ParentType, ContextType, RequireFields<QueryPriceAlertArgs, 'id'>>;
  priceAlerts?: Resolver<Array<ResolversTypes['PriceAlert']>, ParentType, ContextType>;
  signal?: Resolver<Maybe<ResolversTypes['Signal']>, ParentType, ContextType, RequireFields<QuerySignalArgs, 'id'>>;
  signalAnalytics?: Resolver<ResolversTypes['SignalAnalytics'], ParentType, ContextType, RequireFields<QuerySignalAnalyticsArgs, 'from' | 'to'>>;
  signalSources?: Resolver<Array<ResolversTypes['SignalSource']>, ParentType, ContextType>;
  signals?: Resolver<ResolversTypes['SignalConnection'], ParentType, ContextType, Partial<QuerySignalsArgs>>;
  strategies?: Resolver<Array<ResolversTypes['Strategy']>, ParentType, ContextType>;
};

export type SignalResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['Signal'] = ResolversParentTypes['Signal'], FederationReferenceType extends FederationReferenceTypes['Signal'] = FederationReferenceTypes['Signal']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Signal']> | FederationReferenceType, FederationReferenceType, ContextType>;
  author?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  closePrice?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  closedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  confidence?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  entryPrice?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  instrument?: Resolver<ResolversTypes['Instrument'], ParentType, ContextType>;
  isDemo?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rationale?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  realizedReturn?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  sequence?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  side?: Resolver<ResolversTypes['SignalSide'], ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['SignalSource']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SignalStatus'], ParentType, ContextType>;
  stopLoss?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  strategy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  targetPrice?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type SignalAnalyticsResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['SignalAnalytics'] = ResolversParentTypes['SignalAnalytics']> = {
  bySource?: Resolver<Array<ResolversTypes['SignalSourceStat']>, ParentType, ContextType>;
  byStrategy?: Resolver<Array<ResolversTypes['SignalStrategyStat']>, ParentType, ContextType>;
};

export type SignalConnectionResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['SignalConnection'] = ResolversParentTypes['SignalConnection']> = {
  edges?: Resolver<Array<ResolversTypes['SignalEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['SignalPageInfo'], ParentType, ContextType>;
};

export type SignalEdgeResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['SignalEdge'] = ResolversParentTypes['SignalEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Signal'], ParentType, ContextType>;
};

export type SignalPageInfoResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['SignalPageInfo'] = ResolversParentTypes['SignalPageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type SignalSourceResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['SignalSource'] = ResolversParentTypes['SignalSource'], FederationReferenceType extends FederationReferenceTypes['SignalSource'] = FederationReferenceTypes['SignalSource']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['SignalSource']> | FederationReferenceType, FederationReferenceType, ContextType>;
  analyst?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isDemo?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['SignalSourceKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  performance?: Resolver<ResolversTypes['SignalSourcePerformance'], ParentType, ContextType>;
};

export type SignalSourcePerformanceResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['SignalSourcePerformance'] = ResolversParentTypes['SignalSourcePerformance']> = {
  averageReturn?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  closedSignals?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  hitRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  maxDrawdown?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  sharpe?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type SignalSourceStatResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['SignalSourceStat'] = ResolversParentTypes['SignalSourceStat']> = {
  averageReturn?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  closed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  hitRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  signals?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sourceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sourceName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SignalStrategyStatResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['SignalStrategyStat'] = ResolversParentTypes['SignalStrategyStat']> = {
  averageReturn?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  closed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  hitRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  signals?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  strategy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type StrategyResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['Strategy'] = ResolversParentTypes['Strategy']> = {
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['StrategyKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  warmUp?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  marketTicks?: SubscriptionResolver<ResolversTypes['MarketTick'], "marketTicks", ParentType, ContextType, RequireFields<SubscriptionMarketTicksArgs, 'symbols'>>;
  priceAlertTriggered?: SubscriptionResolver<ResolversTypes['PriceAlert'], "priceAlertTriggered", ParentType, ContextType>;
  signalPublished?: SubscriptionResolver<ResolversTypes['Signal'], "signalPublished", ParentType, ContextType, Partial<SubscriptionSignalPublishedArgs>>;
  signalUpdated?: SubscriptionResolver<ResolversTypes['Signal'], "signalUpdated", ParentType, ContextType, Partial<SubscriptionSignalUpdatedArgs>>;
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
  MarketTick?: MarketTickResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PriceAlert?: PriceAlertResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Signal?: SignalResolvers<ContextType>;
  SignalAnalytics?: SignalAnalyticsResolvers<ContextType>;
  SignalConnection?: SignalConnectionResolvers<ContextType>;
  SignalEdge?: SignalEdgeResolvers<ContextType>;
  SignalPageInfo?: SignalPageInfoResolvers<ContextType>;
  SignalSource?: SignalSourceResolvers<ContextType>;
  SignalSourcePerformance?: SignalSourcePerformanceResolvers<ContextType>;
  SignalSourceStat?: SignalSourceStatResolvers<ContextType>;
  SignalStrategyStat?: SignalStrategyStatResolvers<ContextType>;
  Strategy?: StrategyResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

