import type { Resolvers } from '../generated/resolvers-types';
import { DateTimeScalar } from '../../../platform/scalars';
import type { SignalAnalyticsService } from '../services/analytics';
import type { InstrumentService } from '../services/instruments';
import type { MarketTickService } from '../services/marketTicks';
import type { PriceAlertService } from '../services/priceAlerts';
import type { SignalService } from '../services/signals';
import type { SourceService } from '../services/sources';
import type { StrategyService } from '../services/strategies';
import { backtestResolvers } from './backtest';
import { signalTypeResolvers } from './lifecycle';

export interface SignalsServices {
  instruments: InstrumentService;
  signals: SignalService;
  strategies: StrategyService;
  sources: SourceService;
  alerts: PriceAlertService;
  ticks: MarketTickService;
  analytics: SignalAnalyticsService;
}

export function createSignalsResolvers(services: SignalsServices): Resolvers {
  const { instruments, signals, strategies, sources, alerts, ticks, analytics } = services;
  const typeResolvers = signalTypeResolvers(instruments, sources);
  return {
    DateTime: DateTimeScalar,
    Query: {
      instruments: (_parent, { assetClass }, ctx) => instruments.listInstruments(ctx, assetClass),
      instrument: (_parent, { symbol }, ctx) => instruments.findBySymbol(ctx, symbol),
      signals: (_parent, args, ctx) => signals.listSignals(ctx, args),
      signal: (_parent, { id }, ctx) => signals.findSignal(ctx, id),
      signalSources: (_parent, _args, ctx) => sources.list(ctx),
      priceAlerts: (_parent, _args, ctx) => alerts.list(ctx),
      priceAlert: (_parent, { id }, ctx) => alerts.find(ctx, id),
      marketTick: (_parent, { symbol }, ctx) => ticks.latest(ctx, symbol),
      signalAnalytics: (_parent, { from, to }, ctx) => analytics.analytics(ctx, from, to),
      strategies: () => strategies.list(),
      backtest: (_parent, { input }, ctx) => strategies.backtest(ctx, input),
    },
    Mutation: {
      publishSignal: (_parent, { input }, ctx) => signals.publish(ctx, input),
      runStrategy: (_parent, { input }, ctx) => strategies.run(ctx, input),
      cancelSignal: (_parent, { id }, ctx) => signals.cancel(ctx, id),
      createPriceAlert: (_parent, { input }, ctx) => alerts.create(ctx, input),
      cancelPriceAlert: (_parent, { id }, ctx) => alerts.cancel(ctx, id),
    },
    Instrument: {
      __resolveReference: (reference, ctx) => instruments.findInstrument(ctx, reference.id),
      tickSize: (instrument) => instrument.tickSize.toString(),
      candles: (instrument, { interval, last }, ctx) => instruments.candles(ctx, instrument, interval, last),
      lastPrice: async (instrument, _args, ctx) =>
        (await ticks.ofInstrument(ctx, instrument.id))?.price.toString() ??
        instruments.lastPrice(ctx, instrument),
      quote: (instrument, _args, ctx) => ticks.ofInstrument(ctx, instrument.id),
    },
    Candle: {
      open: (candle) => candle.open.toString(),
      high: (candle) => candle.high.toString(),
      low: (candle) => candle.low.toString(),
      close: (candle) => candle.close.toString(),
      volume: (candle) => candle.volume.toString(),
    },
    ...typeResolvers,
    Signal: {
      ...typeResolvers.Signal,
      __resolveReference: (reference, ctx) => signals.findSignal(ctx, reference.id),
    },
    PriceAlert: {
      ...typeResolvers.PriceAlert,
      __resolveReference: (reference, ctx) => alerts.find(ctx, reference.id),
    },
    User: {
      __resolveReference: (reference) => ({ id: reference.id }),
      publishedSignals: (user, { last }, ctx) => signals.publishedBy(ctx, user.id, last),
    },
    ...backtestResolvers,
  };
}
