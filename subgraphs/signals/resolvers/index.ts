import type { Resolvers } from '../generated/resolvers-types';
import { DateTimeScalar } from '../../../platform/scalars';
import type { InstrumentService } from '../services/instruments';
import type { SignalService } from '../services/signals';
import type { StrategyService } from '../services/strategies';
import { backtestResolvers } from './backtest';

export function createSignalsResolvers(
  instruments: InstrumentService,
  signals: SignalService,
  strategies: StrategyService,
): Resolvers {
  return {
    DateTime: DateTimeScalar,
    Query: {
      instruments: (_parent, { assetClass }, ctx) => instruments.listInstruments(ctx, assetClass),
      instrument: (_parent, { symbol }, ctx) => instruments.findBySymbol(ctx, symbol),
      signals: (_parent, { last, afterSequence }, ctx) => signals.listSignals(ctx, last, afterSequence),
      signal: (_parent, { id }, ctx) => signals.findSignal(ctx, id),
      strategies: () => strategies.list(),
      backtest: (_parent, { input }, ctx) => strategies.backtest(ctx, input),
    },
    Mutation: {
      publishSignal: (_parent, { input }, ctx) => signals.publish(ctx, input),
      runStrategy: (_parent, { input }, ctx) => strategies.run(ctx, input),
    },
    Instrument: {
      __resolveReference: (reference, ctx) => instruments.findInstrument(ctx, reference.id),
      tickSize: (instrument) => instrument.tickSize.toString(),
      candles: (instrument, { interval, last }, ctx) => instruments.candles(ctx, instrument, interval, last),
      lastPrice: (instrument, _args, ctx) => instruments.lastPrice(ctx, instrument),
    },
    Candle: {
      open: (candle) => candle.open.toString(),
      high: (candle) => candle.high.toString(),
      low: (candle) => candle.low.toString(),
      close: (candle) => candle.close.toString(),
      volume: (candle) => candle.volume.toString(),
    },
    Signal: {
      __resolveReference: (reference, ctx) => signals.findSignal(ctx, reference.id),
      sequence: (signal) => signal.sequence.toString(),
      instrument: (signal, _args, ctx) => instruments.requireInstrument(ctx, signal.instrumentId),
      price: (signal) => signal.price.toString(),
      confidence: (signal) => signal.confidence.toString(),
      author: (signal) => (signal.authorId ? { id: signal.authorId } : null),
    },
    User: {
      __resolveReference: (reference) => ({ id: reference.id }),
      publishedSignals: (user, { last }, ctx) => signals.publishedBy(ctx, user.id, last),
    },
    ...backtestResolvers,
  };
}
