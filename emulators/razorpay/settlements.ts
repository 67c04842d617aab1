import { notFound } from './apiError';
import { razorpayId, unixNow } from './entities';
import type {
  SettlementEntity,
  SettlementReconItem,
} from '../../subgraphs/billing/services/razorpayEntities';
import type { RazorpayStore } from './store';

/**
 * Razorpay's settlements in memory. Razorpay settles captured payments on its own cycle (T+2); here
 * `settle()` (POST /v1/test/settlements) plays one settlement run over everything not yet settled.
 */
export function createSettlementStore(store: RazorpayStore) {
  const settlements = new Map<string, SettlementEntity>();
  const items: SettlementReconItem[] = [];
  const settled = new Set<string>();

  function settle(): SettlementEntity | null {
    const id = razorpayId('setl');
    const now = unixNow();
    const rows: SettlementReconItem[] = [];
    const row = (entityId: string, type: 'payment' | 'refund', fields: Partial<SettlementReconItem>) =>
      rows.push({
        entity_id: entityId,
        type,
        credit: 0,
        debit: 0,
        amount: 0,
        currency: 'INR',
        fee: 0,
        tax: 0,
        on_hold: false,
        settled: true,
        created_at: now,
        settled_at: now,
        settlement_id: id,
        payment_id: null,
        order_id: null,
        ...fields,
      });
    for (const payment of store.payments.values()) {
      if (!payment.captured || settled.has(payment.id)) continue;
      const fee = payment.fee ?? 0;
      row(payment.id, 'payment', {
        credit: payment.amount - fee,
        amount: payment.amount,
        currency: payment.currency,
        fee,
        tax: payment.tax ?? 0,
        created_at: payment.created_at,
        payment_id: payment.id,
        order_id: payment.order_id,
      });
    }
    for (const refund of store.refunds.values()) {
      if (settled.has(refund.id)) continue;
      row(refund.id, 'refund', {
        debit: refund.amount,
        amount: refund.amount,
        currency: refund.currency,
        created_at: refund.created_at,
        payment_id: refund.payment_id,
      });
    }
    if (rows.length === 0) return null;
    const sum = (pick: (r: SettlementReconItem) => number) => rows.reduce((t, r) => t + pick(r), 0);
    const created: SettlementEntity = {
      id,
      entity: 'settlement',
      amount: sum((r) => r.credit - r.debit),
      status: 'processed',
      fees: sum((r) => r.fee),
      tax: sum((r) => r.tax),
      utr: `UTR${now}${id.slice(5, 11)}`,
      created_at: now,
    };
    settlements.set(id, created);
    for (const r of rows) settled.add(r.entity_id);
    items.push(...rows);
    return created;
  }

  return {
    settlements,
    items,
    settle,
    fetch(id: string): SettlementEntity {
      const found = settlements.get(id);
      if (!found) throw notFound();
      return found;
    },
    /** GET /v1/settlements?from&to&count&skip, newest first. */
    list(query: URLSearchParams): SettlementEntity[] {
      const from = Number(query.get('from') ?? 0);
      const to = Number(query.get('to') ?? Number.MAX_SAFE_INTEGER);
      const count = Math.min(Number(query.get('count') ?? 10), 100);
      const skip = Number(query.get('skip') ?? 0);
      return [...settlements.values()]
        .filter((s) => s.created_at >= from && s.created_at <= to)
        .sort((a, b) => b.created_at - a.created_at)
        .slice(skip, skip + count);
    },
    /** GET /v1/settlements/recon/combined?year&month[&day]&count&skip: rows settled that UTC day/month. */
    recon(query: URLSearchParams): SettlementReconItem[] {
      const year = Number(query.get('year'));
      const month = Number(query.get('month'));
      const day = query.get('day') === null ? null : Number(query.get('day'));
      const count = Math.min(Number(query.get('count') ?? 1000), 1000);
      const skip = Number(query.get('skip') ?? 0);
      return items
        .filter((r) => {
          const at = new Date(r.settled_at * 1000);
          return (
            at.getUTCFullYear() === year &&
            at.getUTCMonth() + 1 === month &&
            (day === null || at.getUTCDate() === day)
          );
        })
        .slice(skip, skip + count);
    },
  };
}

export type SettlementStore = ReturnType<typeof createSettlementStore>;
