import { useMemo, useState } from 'react';
import {
  LearningAnalyticsDocument,
  SignalAnalyticsDocument,
  TradingAnalyticsDocument,
  UserAnalyticsDocument,
} from '../../sdk/src';
import { useQuery } from './api';
import { DataTable, PanelStatus } from './DataTable';
import { formatCount, formatPercent, lastDays, perDay, sum } from './format';
import { KpiCard } from './KpiCard';
import { LiveSignals } from './LiveSignals';
import { RevenueKpis, RevenuePanels, useRevenue } from './Revenue';
import { overallHitRate, SignalTables } from './SignalsPage';
import { TimeSeriesChart } from './TimeSeriesChart';

export const ranges = [7, 30, 90] as const;

export function Overview() {
  const [days, setDays] = useState<(typeof ranges)[number]>(30);
  const range = useMemo(() => lastDays(days), [days]);
  const vars = { from: range.from, to: range.to };
  const users = useQuery(UserAnalyticsDocument, vars);
  const learning = useQuery(LearningAnalyticsDocument, { ...vars, topCourses: 10 });
  const signals = useQuery(SignalAnalyticsDocument, vars);
  const trading = useQuery(TradingAnalyticsDocument, vars);
  const revenue = useRevenue(vars);

  const u = users.data?.userAnalytics;
  const l = learning.data?.learningAnalytics;
  const s = signals.data?.signalAnalytics;
  const t = trading.data?.tradingAnalytics;
  const signups = useMemo(() => (u ? perDay(range, u.signupsByDay, (d) => d.count) : []), [range, u]);
  const enrolments = useMemo(() => (l ? perDay(range, l.enrollmentsByDay, (d) => d.count) : []), [range, l]);
  const volume = useMemo(
    () => (t ? perDay(range, t.volumeByDay, (d) => Number(d.notional)) : []),
    [range, t],
  );
  const hitRate = s ? overallHitRate(s.bySource) : null;

  return (
    <div className="overview">
      <div className="toolbar">
        <h2>Overview</h2>
        <div className="range" role="group" aria-label="Period">
          {ranges.map((n) => (
            <button key={n} type="button" className={n === days ? 'active' : ''} onClick={() => setDays(n)}>
              {n} days
            </button>
          ))}
        </div>
      </div>
      <div className="kpis">
        <RevenueKpis state={revenue} />
        <KpiCard
          id="users"
          label="Users"
          value={u ? formatCount(u.totalUsers) : '—'}
          detail={u ? `${formatCount(sum(signups))} new in ${days} days` : undefined}
        />
        <KpiCard
          id="enrolments"
          label="Enrolments"
          value={l ? formatCount(sum(enrolments)) : '—'}
          detail={l ? `${formatPercent(l.completionRate)} completed` : undefined}
        />
        <KpiCard
          id="hit-rate"
          label="Signal hit rate"
          value={formatPercent(hitRate)}
          detail={s ? `${formatCount(sum(s.bySource.map((x) => x.closed)))} closed signals` : undefined}
        />
        <KpiCard id="traders" label="Active traders" value={t ? formatCount(t.activeTraders) : '—'} />
      </div>
      <div className="grid">
        <div className="main-column">
          <RevenuePanels state={revenue} range={range} />
          <PanelStatus what="user analytics" loading={users.loading && !u} error={users.error} />
          {u ? (
            <TimeSeriesChart
              id="signups"
              title="Signups per day"
              range={range}
              series={[{ label: 'Signups', values: signups, color: '#4f7cff' }]}
            />
          ) : null}
          <PanelStatus what="learning analytics" loading={learning.loading && !l} error={learning.error} />
          {l ? (
            <TimeSeriesChart
              id="enrolments"
              title="Enrolments per day"
              range={range}
              series={[{ label: 'Enrolments', values: enrolments, color: '#2fbf71' }]}
            />
          ) : null}
          <PanelStatus what="trading analytics" loading={trading.loading && !t} error={trading.error} />
          {t ? (
            <TimeSeriesChart
              id="volume"
              title="Trading volume per day (notional)"
              range={range}
              series={[{ label: 'Notional', values: volume, color: '#f2a93b' }]}
            />
          ) : null}
          <PanelStatus what="signal analytics" loading={signals.loading && !s} error={signals.error} />
          {s ? <SignalTables stats={s} /> : null}
          {l ? (
            <DataTable
              id="top-courses"
              title="Top courses"
              rows={l.topCourses}
              rowKey={(row) => row.course.id}
              columns={[
                { header: 'Course', cell: (row) => row.course.title },
                { header: 'Enrolments', cell: (row) => formatCount(row.enrollments), numeric: true },
                { header: 'Completions', cell: (row) => formatCount(row.completions), numeric: true },
                { header: 'Completion', cell: (row) => formatPercent(row.completionRate), numeric: true },
              ]}
            />
          ) : null}
          {u ? (
            <div className="pair">
              <DataTable
                id="kyc-funnel"
                title="KYC funnel"
                rows={u.kycFunnel}
                rowKey={(row) => row.status}
                columns={[
                  { header: 'Status', cell: (row) => row.status },
                  { header: 'Users', cell: (row) => formatCount(row.count), numeric: true },
                ]}
              />
              <DataTable
                id="role-mix"
                title="Roles"
                rows={u.roleMix}
                rowKey={(row) => row.role}
                columns={[
                  { header: 'Role', cell: (row) => row.role },
                  { header: 'Users', cell: (row) => formatCount(row.count), numeric: true },
                ]}
              />
            </div>
          ) : null}
          {t ? (
            <DataTable
              id="pnl"
              title="Realized PnL per trader"
              rows={t.pnlDistribution}
              rowKey={(row) => row.lowerBound}
              columns={[
                { header: 'From', cell: (row) => row.lowerBound, numeric: true },
                { header: 'To', cell: (row) => row.upperBound, numeric: true },
                { header: 'Traders', cell: (row) => formatCount(row.users), numeric: true },
              ]}
            />
          ) : null}
        </div>
        <aside className="side-column">
          <LiveSignals />
        </aside>
      </div>
    </div>
  );
}
