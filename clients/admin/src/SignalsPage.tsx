import { useMemo } from 'react';
import { SignalAnalyticsDocument, type SignalAnalyticsQuery } from '../../sdk/src';
import { useQuery } from './api';
import { DataTable, PanelStatus } from './DataTable';
import { formatCount, formatPercent, lastDays, sum } from './format';
import { KpiCard } from './KpiCard';
import { LiveSignals } from './LiveSignals';

type SignalStats = SignalAnalyticsQuery['signalAnalytics'];

/** Hit rate over every closed signal: each source weighted by how many of its signals closed. */
export function overallHitRate(sources: SignalStats['bySource']): number | null {
  const closed = sum(sources.map((s) => s.closed));
  return closed === 0 ? null : sum(sources.map((s) => (s.hitRate ?? 0) * s.closed)) / closed;
}

export function SignalTables({ stats }: { stats: SignalStats }) {
  return (
    <>
      <DataTable
        id="signal-sources"
        title="Signal sources"
        rows={stats.bySource}
        rowKey={(row) => row.sourceId}
        columns={[
          { header: 'Source', cell: (row) => row.sourceName },
          { header: 'Signals', cell: (row) => formatCount(row.signals), numeric: true },
          { header: 'Closed', cell: (row) => formatCount(row.closed), numeric: true },
          { header: 'Hit rate', cell: (row) => formatPercent(row.hitRate), numeric: true },
          { header: 'Avg return', cell: (row) => formatPercent(row.averageReturn, 2), numeric: true },
        ]}
      />
      <DataTable
        id="signal-strategies"
        title="Strategies"
        rows={stats.byStrategy}
        rowKey={(row) => row.strategy}
        columns={[
          { header: 'Strategy', cell: (row) => row.strategy },
          { header: 'Signals', cell: (row) => formatCount(row.signals), numeric: true },
          { header: 'Hit rate', cell: (row) => formatPercent(row.hitRate), numeric: true },
          { header: 'Avg return', cell: (row) => formatPercent(row.averageReturn, 2), numeric: true },
        ]}
      />
    </>
  );
}

/** Signal performance over 90 days and the live feed: what analysts (and admins) may see. */
export function SignalsPage() {
  const range = useMemo(() => lastDays(90), []);
  const signals = useQuery(SignalAnalyticsDocument, { from: range.from, to: range.to });
  const stats = signals.data?.signalAnalytics;
  return (
    <div className="grid">
      <div className="main-column">
        <h2>Signals, last 90 days</h2>
        <div className="kpis">
          <KpiCard
            id="hit-rate"
            label="Hit rate"
            value={stats ? formatPercent(overallHitRate(stats.bySource)) : '—'}
          />
          <KpiCard
            id="signals"
            label="Signals"
            value={stats ? formatCount(sum(stats.bySource.map((s) => s.signals))) : '—'}
          />
        </div>
        <PanelStatus what="signal analytics" loading={signals.loading && !stats} error={signals.error} />
        {stats ? <SignalTables stats={stats} /> : null}
      </div>
      <aside className="side-column">
        <LiveSignals />
      </aside>
    </div>
  );
}
