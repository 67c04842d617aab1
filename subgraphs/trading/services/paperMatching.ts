import { randomUUID } from 'node:crypto';
import type { BusSubscription, EventEnvelope } from '../../../platform/events/envelope';
import { MarketTopics, type MarketTickPayload } from '../../../platform/events/topics';
import type { Logger } from '../../../platform/logger';
import type { PrismaClient } from '../../../platform/prisma';
import type { SubgraphDeps } from '../../../platform/subgraphModule';
import { tickFrom, type Tick } from '../exchange/marketTicks';
import { lockPortfolio } from './orderLedger';
import { fillOrCancel } from './orderPlacement';
import { recordDailyClose } from './dailyCloses';
import type { TradingServiceDeps } from './tradingDeps';

export const PAPER_EXCHANGE_CONSUMER = 'trading.paper-exchange';

/**
 * Fills the paper orders a tick crosses. Each order gets its own transaction under its portfolio's
 * lock, re-read there: a cancel or another fill that got in first wins, and a redelivered tick finds
 * the order already filled (and its trade id taken).
 */
export async function matchRestingOrders(
  prisma: PrismaClient,
  deps: TradingServiceDeps,
  tick: Tick,
): Promise<number> {
  const candidates = await prisma.tradeOrder.findMany({
    where: { symbol: tick.symbol, exchangeAccountId: null, status: { in: ['ACCEPTED', 'PARTIALLY_FILLED'] } },
    orderBy: { createdAt: 'asc' },
  });
  let filled = 0;
  for (const candidate of candidates) {
    if (deps.exchange.onTick(candidate, tick).length === 0) continue;
    await prisma.$transaction(async (tx) => {
      await lockPortfolio(tx, candidate.portfolioId);
      let order = await tx.tradeOrder.findUniqueOrThrow({ where: { id: candidate.id } });
      if (order.status !== 'ACCEPTED' && order.status !== 'PARTIALLY_FILLED') return;
      for (const fill of deps.exchange.onTick(order, tick)) order = await fillOrCancel(tx, deps, order, fill);
      if (order.status === 'FILLED') filled += 1;
    });
  }
  return filled;
}

/** A bus subscription with the EventConsumer lifecycle, without an inbox: ticks are not effects. */
function tickSubscription(
  deps: SubgraphDeps,
  groupId: string,
  logger: Logger,
  onTick: (tick: Tick) => Promise<void>,
) {
  let subscription: BusSubscription | undefined;
  async function handle(event: EventEnvelope): Promise<void> {
    const tick = tickFrom(event.payload as MarketTickPayload);
    if (!tick) {
      logger.warn({ eventId: event.id }, 'unusable market tick skipped');
      return;
    }
    await onTick(tick);
  }
  return {
    async start() {
      subscription ??= await deps.infra.bus.subscribe({
        groupId,
        topics: [MarketTopics.ticks],
        handler: handle,
      });
    },
    async stop() {
      await subscription?.stop();
      subscription = undefined;
    },
    handle,
  };
}

/**
 * Two consumers of `market.ticks`: one group per process keeps this process's last-tick store
 * complete (every replica prices market orders), and one shared group matches resting orders, so
 * each tick is matched by one replica only.
 */
export function createTickConsumers(subgraph: SubgraphDeps, deps: TradingServiceDeps, groupSuffix = '') {
  const logger = subgraph.logger.child({ component: 'paper-exchange' });
  return [
    tickSubscription(subgraph, `trading.last-tick.${randomUUID()}`, logger, async (tick) =>
      deps.ticks.update(tick),
    ),
    tickSubscription(subgraph, PAPER_EXCHANGE_CONSUMER + groupSuffix, logger, async (tick) => {
      deps.ticks.update(tick);
      // This group sees each tick once across replicas: the place to keep trading's daily closes.
      await recordDailyClose(subgraph.infra.prisma, tick);
      await matchRestingOrders(subgraph.infra.prisma, deps, tick);
    }),
  ];
}
