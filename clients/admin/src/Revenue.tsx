import { useMemo } from 'react';
import { RevenueAnalyticsDocument, type RevenueAnalyticsQuery } from '../../sdk/src';
import { useQuery, type QueryState } from './api';
import { DataTable, PanelStatus } from './DataTable';
import {
  formatCount,
  formatMoney,
  formatPaise,
  formatPercent,
  perDay,
  toPaise,
  type DateRange,
} from './format';
import { KpiCard } from './KpiCard';
import { TimeSeriesChart } from './TimeSeriesChart';

type RevenueState = QueryState<RevenueAnalyticsQuery>;

export const useRevenue = (vars: { from: string; to: string }): RevenueState =>
  useQuery(RevenueAnalyticsDocument, vars);

export function RevenueKpis({ state }: { state: RevenueState }) {
  const r = state.data?.revenueAnalytics;
  const net = r ? r.byDay.reduce((total, day) => total + toPaise(day.net.amount), 0n) : undefined;
  return (
    <>
      <KpiCard
        id="revenue"
        label="Net revenue"
        value={net === undefined ? '—' : formatPaise(net)}
        detail={r ? `${formatMoney(r.refunds.amount)} refunded` : undefined}
      />
      <KpiCard
        id="mrr"
        label="MRR"
        value={r ? formatMoney(r.mrr.amount) : '—'}
        detail={r ? `churn ${formatPercent(r.churn.rate)}` : undefined}
      />
    </>
  );
}

export function RevenuePanels({ state, range }: { state: RevenueState; range: DateRange }) {
  const r = state.data?.revenueAnalytics;
  // Rupees as numbers only for drawing; the figures shown as text stay exact.
  const series = useMemo(
    () =>
      r
        ? [
            {
              label: 'Gross',
              values: perDay(range, r.byDay, (d) => Number(d.gross.amount)),
              color: '#4f7cff',
            },
            { label: 'Net', values: perDay(range, r.byDay, (d) => Number(d.net.amount)), color: '#2fbf71' },
            {
              label: 'Refunds',
              values: perDay(range, r.byDay, (d) => Number(d.refunds.amount)),
              color: '#e5534b',
            },
          ]
        : [],
    [r, range],
  );
  return (
    <>
      <PanelStatus what="revenue analytics" loading={state.loading && !r} error={state.error} />
      {r ? <TimeSeriesChart id="revenue" title="Revenue per day (₹)" range={range} series={series} /> : null}
      {r ? (
        <div className="pair">
          <DataTable
            id="revenue-by-plan"
            title="Revenue by plan"
            rows={r.byPlan}
            rowKey={(row) => row.planId}
            columns={[
              { header: 'Plan', cell: (row) => row.planName },
              { header: 'Payments', cell: (row) => formatCount(row.payments), numeric: true },
              { header: 'Revenue', cell: (row) => formatMoney(row.revenue.amount), numeric: true },
            ]}
          />
          <DataTable
            id="tier-mix"
            title="Users by tier"
            rows={r.tierMix}
            rowKey={(row) => row.tier}
            columns={[
              { header: 'Tier', cell: (row) => row.tier },
              { header: 'Users', cell: (row) => formatCount(row.count), numeric: true },
            ]}
          />
        </div>
      ) : null}
    </>
  );
}
