import type { Resolvers } from '../generated/resolvers-types';
import type { InstrumentService } from '../services/instruments';
import type { SourceService } from '../services/sources';

const decimal = (value: { toString(): string } | null) => value?.toString() ?? null;

/** Signals with their lifecycle, their sources and their pages. */
export function signalTypeResolvers(
  instruments: InstrumentService,
  sources: SourceService,
): Pick<Resolvers, 'Signal' | 'SignalConnection' | 'SignalSource' | 'PriceAlert' | 'MarketTick'> {
  return {
    Signal: {
      sequence: (signal) => signal.sequence.toString(),
      instrument: (signal, _args, ctx) => instruments.requireInstrument(ctx, signal.instrumentId),
      source: (signal, _args, ctx) => (signal.sourceId ? sources.find(ctx, signal.sourceId) : null),
      price: (signal) => signal.price.toString(),
      entryPrice: (signal) => signal.price.toString(),
      targetPrice: (signal) => decimal(signal.targetPrice),
      stopLoss: (signal) => decimal(signal.stopLoss),
      closePrice: (signal) => decimal(signal.closePrice),
      // Stored as a fraction with 4 decimals; the API speaks percent.
      confidence: (signal) => Math.round(signal.confidence.toNumber() * 100),
      author: (signal) => (signal.authorId ? { id: signal.authorId } : null),
    },
    SignalConnection: {
      edges: (page) => page.signals.map((node) => ({ cursor: node.sequence.toString(), node })),
      pageInfo: (page) => ({
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.hasPreviousPage,
        startCursor: page.signals[0]?.sequence.toString() ?? null,
        endCursor: page.signals.at(-1)?.sequence.toString() ?? null,
      }),
    },
    SignalSource: {
      __resolveReference: (reference, ctx) => sources.find(ctx, reference.id),
      analyst: (source) => (source.kind === 'ANALYST' ? { id: source.key } : null),
      performance: (source, _args, ctx) => sources.performance(ctx, source),
    },
    PriceAlert: {
      instrument: (alert, _args, ctx) => instruments.requireInstrument(ctx, alert.instrumentId),
      price: (alert) => alert.price.toString(),
      triggeredPrice: (alert) => decimal(alert.triggeredPrice),
    },
    MarketTick: {
      price: (tick) => tick.price.toString(),
      bid: (tick) => decimal(tick.bid),
      ask: (tick) => decimal(tick.ask),
      instrument: (tick, _args, ctx) => instruments.findInstrument(ctx, tick.instrumentId),
    },
  };
}
