// One measured load: autocannon against a gateway process, with that process's CPU and memory.
import autocannon from 'autocannon';
import { cpuSeconds, rssMiB } from './processes';

export interface LoadSettings {
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
}

export interface LoadRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** The verified response: anything else counts as an error. */
  expectBody: string;
}

export interface LoadFigures {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Socket errors, timeouts, non-2xx answers and bodies other than the verified one. */
  errors: number;
  non2xx: number;
  mismatches: number;
  /** Gateway process CPU over the measured window: seconds per second (1.0 = one core busy). */
  cpuCores: number;
  /** Gateway CPU milliseconds per request. */
  cpuMsPerRequest: number;
  peakRssMiB: number;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

function run(request: LoadRequest, connections: number, seconds: number, onLatency?: (ms: number) => void) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: request.url,
        method: 'POST',
        headers: request.headers,
        body: request.body,
        connections,
        duration: seconds,
        expectBody: request.expectBody,
        timeout: 10,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    if (onLatency) {
      instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
        onLatency(responseTime),
      );
    }
  });
}

export async function measureLoad(
  request: LoadRequest,
  settings: LoadSettings,
  pid: number,
): Promise<LoadFigures> {
  if (settings.warmupSeconds > 0) await run(request, settings.connections, settings.warmupSeconds);
  const latencies: number[] = [];
  let peakRss = rssMiB(pid);
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, rssMiB(pid));
  }, 200);
  const cpuBefore = cpuSeconds(pid);
  const started = performance.now();
  const result = await run(request, settings.connections, settings.durationSeconds, (ms) =>
    latencies.push(ms),
  );
  const elapsedSeconds = (performance.now() - started) / 1000;
  const cpu = cpuSeconds(pid) - cpuBefore;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, rssMiB(pid));
  latencies.sort((a, b) => a - b);
  const requests = result.requests.total;
  return {
    requests,
    requestsPerSecond: round(requests / elapsedSeconds),
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
    errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
    non2xx: result.non2xx,
    mismatches: result.mismatches,
    cpuCores: round(cpu / elapsedSeconds, 2),
    cpuMsPerRequest: round((cpu * 1000) / Math.max(1, requests), 2),
    peakRssMiB: round(peakRss),
  };
}
