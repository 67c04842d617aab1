import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { repoRoot } from '../../platform/topology';
import { releasedAfterFile } from '../support/resources';
import type { ProcessSpec } from './deployment';

/** Last bytes of output kept per process: enough for the lines that explain a failure. */
const OUTPUT_LIMIT = 64 * 1024;
const STOP_GRACE_MS = 5_000;

/** Every process group this worker started, killed synchronously if the worker exits without stopping them. */
const liveGroups = new Set<number>();
process.once('exit', () => {
  for (const pgid of liveGroups) killGroup(pgid, 'SIGKILL');
});

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // Already gone.
  }
}

/** Only what the deployment sets, plus what npx needs to find node: no jest variables leak in. */
function processEnv(spec: ProcessSpec): NodeJS.ProcessEnv {
  const { PATH, HOME } = process.env;
  return { PATH, HOME, npm_config_update_notifier: 'false', ...spec.env };
}

/** Asks the OS for a free port (bound and released at once: processes that restart keep theirs). */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const server = createServer();
  server.listen(0, host);
  await once(server, 'listening');
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * One OS process of the deployment, in a process group of its own (so `npx` and the node it starts die
 * together), with its stdout/stderr kept for the failure report. `start()` again after `kill()` runs the
 * same command with the same environment, as a restarting orchestrator would.
 */
export function managedProcess(spec: ProcessSpec) {
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let output = '';
  let stdoutLines: string[] = [];
  let onLine: ((line: string) => void) | undefined;
  const append = (chunk: string) => {
    output = (output + chunk).slice(-OUTPUT_LIMIT);
  };

  function start(): void {
    if (child) throw new Error(`${spec.name} is already running`);
    append(`\n--- start ${new Date().toISOString()} ---\n`);
    stdoutLines = [];
    const started = spawn(spec.command, spec.args, {
      cwd: repoRoot,
      env: processEnv(spec),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    const pgid = started.pid!;
    liveGroups.add(pgid);
    let partial = '';
    started.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      append(chunk);
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        stdoutLines.push(line);
        onLine?.(line);
      }
    });
    started.stderr!.setEncoding('utf8').on('data', append);
    exited = new Promise((resolve) => {
      started.once('exit', (code, signal) => {
        append(`--- exited ${code ?? signal} ${new Date().toISOString()} ---\n`);
        liveGroups.delete(pgid);
        // A process killed with its group: its children (node under npx) die with it.
        killGroup(pgid, 'SIGKILL');
        if (child === started) child = undefined;
        resolve();
      });
    });
  }

  /** `kill -9` of the whole group; resolves once the process has exited. */
  async function kill(): Promise<void> {
    if (child?.pid) killGroup(child.pid, 'SIGKILL');
    await exited;
  }

  /** SIGTERM (graceful shutdown), then SIGKILL after a grace period. */
  async function stop(): Promise<void> {
    const running = child;
    if (!running?.pid) return;
    killGroup(running.pid, 'SIGTERM');
    const timer = setTimeout(() => killGroup(running.pid!, 'SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  }

  /** The first stdout line for which `parse` returns a value (an emulator's JSON line). */
  function firstLine<T>(parse: (line: string) => T | undefined, timeoutMs = 60_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        onLine = undefined;
        reject(new Error(`${spec.name}: no expected line after ${timeoutMs} ms\n${output}`));
      }, timeoutMs);
      const check = (line: string) => {
        const value = parse(line);
        if (value === undefined) return false;
        clearTimeout(timer);
        onLine = undefined;
        resolve(value);
        return true;
      };
      if (stdoutLines.some(check)) return;
      onLine = (line) => void check(line);
      void exited.then(() => {
        if (onLine) reject(new Error(`${spec.name} exited before printing its line\n${output}`));
      });
    });
  }

  return {
    spec,
    start,
    kill,
    stop: releasedAfterFile(`process ${spec.name}`, stop),
    /** Stops without unregistering: for a process the test stops and starts again. */
    terminate: stop,
    firstLine,
    running: () => child !== undefined,
    exited: () => exited,
    output: () => output,
    /** stdout lines since the last start (JSON log lines for our processes). */
    lines: () => stdoutLines,
  };
}

export type ManagedProcess = ReturnType<typeof managedProcess>;

/** Runs a one-shot command of the deployment (migrate, seed) to completion, failing with its output. */
export async function runToCompletion(spec: ProcessSpec, timeoutMs = 120_000): Promise<void> {
  const child = spawn(spec.command, spec.args, {
    cwd: repoRoot,
    env: processEnv(spec),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  liveGroups.add(child.pid!);
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const timer = setTimeout(() => killGroup(child.pid!, 'SIGKILL'), timeoutMs);
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  clearTimeout(timer);
  liveGroups.delete(child.pid!);
  if (code !== 0) throw new Error(`${spec.name} failed (${code ?? signal}):\n${output}`);
}
