import { BadUserInputError, ConflictError } from '../../../platform/errors';
import type { Logger } from '../../../platform/logger';
import type { PrismaClient, TransactionClient } from '../../../platform/prisma';
import type { TradeOrder } from '../../../platform/prisma/generated/client';
import { openSealed } from '../../../platform/secretSealing';
import { OPEN_STATUSES, type OrderStatus } from '../domain/orderStateMachine';
import { fitToLot, type LiveAccount, type LiveOrderReport } from '../exchange/liveExchange';
import type { LastTickStore } from '../exchange/marketTicks';
import type { OrderRequest } from './orderInput';
import { appendStatusEvent, lockPortfolio, recordCancelRequest, recordFill } from './orderLedger';
import type { TradingServiceDeps } from './tradingDeps';

/** A NEW live order the exchange still does not know after this long never reached it. */
const NEVER_SENT_AFTER_MS = 60_000;

const isOpen = (order: TradeOrder) => OPEN_STATUSES.includes(order.status as OrderStatus);

async function accountOf(
  prisma: PrismaClient,
  deps: TradingServiceDeps,
  order: Pick<TradeOrder, 'exchangeAccountId'>,
): Promise<LiveAccount | null> {
  const account = await prisma.exchangeAccount.findUnique({ where: { id: order.exchangeAccountId! } });
  if (!account || account.status !== 'CONNECTED') return null;
  return {
    id: account.id,
    exchange: account.exchange,
    apiKey: openSealed(deps.dataKey, account.apiKeySealed),
    secret: openSealed(deps.dataKey, account.apiSecretSealed),
  };
}

/**
 * The instrument a live order's fills are kept under: the exchange reports symbols, so placing records
 * it on the NEW event from the symbol's tick. An order placed before that falls back to the latest tick;
 * with neither, the fills wait (the sync retries) rather than land on a position of no instrument.
 */
async function instrumentOf(tx: TransactionClient, order: TradeOrder, ticks: LastTickStore): Promise<string> {
  const placed = await tx.tradeEvent.findFirst({
    where: { orderId: order.id, type: 'NEW' },
    select: { instrumentId: true },
  });
  const instrumentId = placed?.instrumentId ?? ticks.latest(order.symbol)?.instrumentId;
  if (!instrumentId) throw new Error(`Order ${order.id}: no instrument known for ${order.symbol} yet`);
  return instrumentId;
}

/** Brings the order row in line with the exchange's report: accepted, each new fill once, then a final cancel. */
async function applyReport(
  tx: TransactionClient,
  ticks: LastTickStore,
  order: TradeOrder,
  report: LiveOrderReport,
): Promise<TradeOrder> {
  let current = order;
  if (current.status === 'NEW') {
    if (report.status === 'REJECTED')
      return appendStatusEvent(tx, current, { type: 'REJECTED', reason: 'Rejected by the exchange' });
    current = await appendStatusEvent(tx, current, { type: 'ACCEPTED' });
  }
  let instrumentId: string | undefined;
  for (const { feeMinor, ...fill } of report.fills) {
    if (!isOpen(current)) break;
    instrumentId ??= await instrumentOf(tx, current, ticks);
    current = (await recordFill(tx, current, { ...fill, instrumentId }, feeMinor)).order;
  }
  if (
    (report.status === 'CANCELED' || report.status === 'EXPIRED' || report.status === 'REJECTED') &&
    isOpen(current)
  ) {
    const type = report.status === 'EXPIRED' ? 'EXPIRED' : 'CANCELED';
    current = await appendStatusEvent(tx, current, {
      type,
      reason: `${report.status.toLowerCase()} on the exchange`,
    });
  }
  // Closed for less than ours (the exchange rounded it): FILLED at what it executed, once every fill is in.
  if (
    report.status === 'FILLED' &&
    current.status === 'PARTIALLY_FILLED' &&
    current.filledQuantity.gte(report.filledQuantity)
  ) {
    current = await appendStatusEvent(tx, current, {
      type: 'CLOSED',
      reason: `Closed by the exchange at ${current.filledQuantity.toFixed()} of ${current.quantity.toFixed()}`,
    });
  }
  return current;
}

/** Re-reads the order under its portfolio's lock and applies `change` to the fresh row. */
function underLock(
  prisma: PrismaClient,
  order: TradeOrder,
  change: (tx: TransactionClient, fresh: TradeOrder) => Promise<TradeOrder>,
) {
  return prisma.$transaction(async (tx) => {
    await lockPortfolio(tx, order.portfolioId);
    return change(tx, await tx.tradeOrder.findUniqueOrThrow({ where: { id: order.id } }));
  });
}

/**
 * Live orders: the placing transaction leaves them NEW (no HTTP call holds a database lock); then they
 * are sent here, and the exchange's answer is recorded in a second transaction. The sync loop
 * settles the rest: resting orders' fills and cancels, and placements whose outcome was unknown.
 */
export function createLiveOrders(prisma: PrismaClient, deps: TradingServiceDeps, logger: Logger) {
  const live = deps.liveExchange;
  const log = logger.child({ component: 'live-orders' });

  /** A NEW order the exchange does not know: after the window it never got there (a cancel asked for wins). */
  function settleUnknown(order: TradeOrder): Promise<TradeOrder> {
    if (order.status !== 'NEW' || Date.now() - order.createdAt.getTime() <= NEVER_SENT_AFTER_MS)
      return Promise.resolve(order);
    return underLock(prisma, order, (tx, fresh) => {
      if (fresh.status !== 'NEW') return Promise.resolve(fresh);
      return appendStatusEvent(
        tx,
        fresh,
        fresh.cancelRequestedAt
          ? { type: 'CANCELED', reason: 'Canceled by the user; it never reached the exchange' }
          : { type: 'REJECTED', reason: 'The order never reached the exchange' },
      );
    });
  }

  async function sync(order: TradeOrder): Promise<TradeOrder> {
    const account = await accountOf(prisma, deps, order);
    if (!account) return order;
    let report = await live.fetch(account, order);
    if (!report) return settleUnknown(order);
    // A cancel the exchange could not take earlier (not there yet, or unreachable) is sent now.
    if (order.cancelRequestedAt && report.status === 'OPEN') report = await live.cancel(account, order);
    if (!report) return settleUnknown(order);
    const settled = report;
    return underLock(prisma, order, (tx, fresh) => applyReport(tx, deps.ticks, fresh, settled));
  }

  return {
    /**
     * The request with its quantity rounded down to the exchange's lot size, checked before any order
     * exists; BAD_USER_INPUT below the minimum. Unreachable exchange: unchanged (placing checks again).
     */
    async fitToLotSize(request: OrderRequest): Promise<OrderRequest> {
      const account = await accountOf(prisma, deps, request);
      if (!account || !live.supports(account.exchange)) return request;
      const lot = await live.lotSize(account, request.symbol).catch((error: unknown) => {
        log.warn({ err: error, symbol: request.symbol }, 'lot size unavailable; the placement checks it');
        return null;
      });
      if (!lot) return request;
      const fit = fitToLot(request.quantity, lot);
      if (!fit.ok)
        throw new BadUserInputError(`Cannot trade this on ${account.exchange}: ${fit.reason}`, 'quantity');
      return { ...request, quantity: fit.quantity };
    },

    async submit(order: TradeOrder): Promise<TradeOrder> {
      const account = await accountOf(prisma, deps, order);
      const placement = account
        ? await live.place(account, order, deps.ticks.latest(order.symbol)?.price ?? null)
        : ({ kind: 'rejected', reason: 'The exchange account is no longer connected' } as const);
      if (placement.kind === 'unknown') {
        log.warn(
          { orderId: order.id, reason: placement.reason },
          'live placement outcome unknown; left NEW for the sync',
        );
        return order;
      }
      return underLock(prisma, order, (tx, fresh) =>
        placement.kind === 'rejected'
          ? fresh.status === 'NEW'
            ? appendStatusEvent(tx, fresh, { type: 'REJECTED', reason: placement.reason })
            : Promise.resolve(fresh)
          : applyReport(tx, deps.ticks, fresh, placement.report),
      );
    },

    /**
     * Cancels on the exchange by client order id; fills that happened before the cancel are recorded too.
     * When the exchange cannot confirm it (not reached, or the order is not there yet: its placement
     * outcome is unknown), the request is recorded and the sync finishes it, so the cancel is honoured.
     */
    async cancel(order: TradeOrder): Promise<TradeOrder> {
      const account = await accountOf(prisma, deps, order);
      if (!account)
        throw new ConflictError('The exchange account is no longer connected', { orderId: order.id });
      let report: LiveOrderReport | null = null;
      let answered = false;
      try {
        report = await live.cancel(account, order);
        answered = true;
      } catch (error) {
        log.warn({ orderId: order.id, err: error }, 'live cancel not confirmed; left to the sync');
      }
      const settled = report;
      const after = await underLock(prisma, order, (tx, fresh) =>
        settled
          ? applyReport(tx, deps.ticks, fresh, settled)
          : isOpen(fresh)
            ? recordCancelRequest(tx, fresh)
            : Promise.resolve(fresh),
      );
      // The exchange says it has no such order, past the reconciliation window: it never got there.
      return answered && !settled ? settleUnknown(after) : after;
    },

    sync,

    /** One pass over every open live order; an exchange that fails is skipped until the next pass. */
    async syncOpen(): Promise<number> {
      const open = await prisma.tradeOrder.findMany({
        where: { exchangeAccountId: { not: null }, status: { in: [...OPEN_STATUSES] } },
        orderBy: { createdAt: 'asc' },
      });
      let changed = 0;
      for (const order of open) {
        try {
          const synced = await sync(order);
          if (synced.updatedAt.getTime() !== order.updatedAt.getTime()) changed += 1;
        } catch (error) {
          log.warn({ orderId: order.id, err: error }, 'live order sync failed; retried next pass');
        }
      }
      return changed;
    },
  };
}

export type LiveOrders = ReturnType<typeof createLiveOrders>;

/** Runs syncOpen every `intervalMs` (0: never) with the start/stop lifecycle of the subgraph's consumers. */
export function createLiveOrderSync(liveOrders: LiveOrders, intervalMs: number) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  return {
    async start() {
      if (intervalMs <= 0 || timer) return;
      timer = setInterval(() => {
        running = running.then(() => liveOrders.syncOpen()).catch(() => undefined);
      }, intervalMs);
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await running;
    },
    handle: async () => {},
  };
}
