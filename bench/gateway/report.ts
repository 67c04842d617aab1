// bench/results/<date>-gateway.json and .md: figures per gateway and operation, ours/Hive ratios.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format } from 'prettier';
import { repoRoot } from '../../platform/topology';
import type { GatewayKind } from './gateways';
import type { LoadFigures, LoadSettings } from './load';
import type { BenchOperation } from './operations';

export interface OperationResult extends LoadFigures {
  /** SQL statements in all subgraphs for one request, measured one request at a time before the load. */
  sqlPerOperation: number;
  /** SQL statements in all subgraphs per request during the measured load (caches included). */
  sqlPerRequestUnderLoad: number;
}

export type Results = Record<GatewayKind, Partial<Record<BenchOperation['name'], OperationResult>>>;

const ratioFigures = [
  'requestsPerSecond',
  'p50Ms',
  'p95Ms',
  'p99Ms',
  'errors',
  'cpuCores',
  'cpuMsPerRequest',
  'peakRssMiB',
  'sqlPerOperation',
] as const;

function ratios(results: Results) {
  const out: Record<string, Record<string, number | null>> = {};
  for (const [name, ours] of Object.entries(results.ours)) {
    const hive = results.hive[name as BenchOperation['name']];
    if (!ours || !hive) continue;
    out[name] = Object.fromEntries(
      ratioFigures.map((figure) => [
        figure,
        hive[figure] ? Math.round((ours[figure] / hive[figure]) * 100) / 100 : null,
      ]),
    );
  }
  return out;
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    loadAverageAtStart: os.loadavg().map((load) => Math.round(load * 100) / 100),
  };
}

function markdown(report: ReturnType<typeof buildReport>, operations: BenchOperation[]): string {
  const m = report.machine;
  const lines = [
    `# Gateway benchmark, ${report.date}`,
    '',
    `Machine: ${m.cpus} cores (${m.cpuModel}), ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}; load average at start ${m.loadAverageAtStart.join(' / ')}.`,
    `Everything on this machine: PostgreSQL 15, Redis 7, five subgraph processes, the gateway process and autocannon.`,
    `Load: ${report.settings.connections} connections, ${report.settings.warmupSeconds} s warm-up, ${report.settings.durationSeconds} s measured, per gateway and operation.`,
    report.note ? `\n${report.note}` : '',
    '',
    '| operation | gateway | req/s | p50 ms | p95 ms | p99 ms | errors | CPU cores | CPU ms/req | peak RSS MiB | SQL/op | SQL/req under load |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const operation of operations) {
    for (const kind of ['ours', 'hive'] as const) {
      const r = report.results[kind][operation.name];
      if (!r) continue;
      lines.push(
        `| ${operation.name} | ${kind} | ${r.requestsPerSecond} | ${r.p50Ms} | ${r.p95Ms} | ${r.p99Ms} | ${r.errors} | ${r.cpuCores} | ${r.cpuMsPerRequest} | ${r.peakRssMiB} | ${r.sqlPerOperation} | ${r.sqlPerRequestUnderLoad} |`,
      );
    }
    const ratio = report.ratio[operation.name];
    if (ratio) {
      lines.push(
        `| ${operation.name} | **ours/hive** | **${ratio.requestsPerSecond}** | ${ratio.p50Ms} | ${ratio.p95Ms} | ${ratio.p99Ms} | ${ratio.errors ?? '-'} | ${ratio.cpuCores} | ${ratio.cpuMsPerRequest} | ${ratio.peakRssMiB} | ${ratio.sqlPerOperation ?? '-'} | |`,
      );
    }
  }
  lines.push('', '## Operations', '');
  for (const operation of operations) {
    lines.push(
      `- **${operation.name}**: ${operation.description}`,
      '',
      '```graphql',
      operation.query,
      '```',
      '',
    );
  }
  return lines.join('\n');
}

function buildReport(results: Results, settings: LoadSettings, startedAt: Date, note: string) {
  return {
    date: startedAt.toISOString(),
    machine: machine(),
    settings,
    note,
    results,
    ratio: ratios(results),
  };
}

export async function writeReport(
  results: Results,
  settings: LoadSettings,
  operations: BenchOperation[],
  startedAt: Date,
  note: string,
): Promise<{ json: string; md: string }> {
  const report = buildReport(results, settings, startedAt, note);
  const dir = path.join(repoRoot, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const stem = `${startedAt.toISOString().slice(0, 10)}-gateway${process.env.BENCH_TAG ? `-${process.env.BENCH_TAG}` : ''}`;
  const json = path.join(dir, `${stem}.json`);
  const md = path.join(dir, `${stem}.md`);
  writeFileSync(json, await format(JSON.stringify(report), { parser: 'json' }));
  // Formatted as the repository's `prettier --check .` expects.
  writeFileSync(md, await format(markdown(report, operations), { parser: 'markdown' }));
  return { json, md };
}
