// Child processes of the benchmark (subgraphs, each gateway) and what the kernel says they used.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { repoRoot } from '../../platform/topology';

const CLOCK_TICKS_PER_SECOND = 100;

export interface BenchProcess {
  name: string;
  child: ChildProcess;
  pid: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** `node --import tsx <entry>`: no tsx wrapper process, so the pid is the one doing the work. */
export function startProcess(
  name: string,
  entry: string,
  env: Record<string, string>,
  preload: string[] = [],
): BenchProcess {
  // BENCH_CPU_PROF=<dir>: a V8 CPU profile of each gateway process (or those named BENCH_CPU_PROF_OF...).
  const profile =
    process.env.BENCH_CPU_PROF && name.startsWith(process.env.BENCH_CPU_PROF_OF ?? 'gateway')
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
      : [];
  const args = [...profile, '--import', 'tsx', ...preload.flatMap((file) => ['--import', file]), entry];
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  let stopping = false;
  child.on('exit', (code) => {
    if (code && !stopping) console.error(`[${name}] exited with ${code}\n${stderr}`);
  });
  return {
    name,
    child,
    pid: child.pid ?? 0,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      stopping = true;
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(force);
    },
  };
}

/** Polls a URL until it answers 200, or fails after the timeout. */
export async function waitForHttp(url: string, timeoutMs = 60_000, init?: RequestInit): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** CPU seconds (user + system) the process has used so far, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** Resident set size now, in MiB, from /proc/<pid>/status. */
export function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** Asks a subgraph process (preloaded with sqlCounting.ts) how many statements it has sent. */
export function sqlCount(process: BenchProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${process.name}: no sql-count answer`)), 5_000);
    const onMessage = (message: unknown) => {
      if (typeof message === 'object' && message && 'sqlCount' in message) {
        clearTimeout(timer);
        process.child.off('message', onMessage);
        resolve(Number((message as { sqlCount: number }).sqlCount));
      }
    };
    process.child.on('message', onMessage);
    process.child.send('sql-count');
  });
}
