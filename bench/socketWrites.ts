// What one live event costs to write to N WebSocket subscribers on this machine (not a test):
//   npx tsx bench/socketWrites.ts [10000] [rounds]
// A ws server in this process, N sockets from a child process. Per round, one ~250-byte graphql-ws
// frame to every socket three ways: `ws.send` (the baseline: ws's sender, two buffers and a cork per
// socket), the whole frame in one write to the TCP stream (what gateway/subscriptions/liveSockets.ts
// does), and the same with the client process stopped (SIGSTOP), which leaves the kernel's loopback
// cost without the receiver's wakeups: the floor of any single-process fan-out here.
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Socket } from 'node:net';
import { cpus, loadavg } from 'node:os';
import WebSocket, { WebSocketServer } from 'ws';
import { textFrame } from '../gateway/subscriptions/liveSockets';

const isClient = process.argv[2] === 'client';
const count = Number((isClient ? process.argv[3] : process.argv[2]) ?? 10_000);
const PORT = 4998;

async function client(): Promise<void> {
  let received: number[] = [];
  const onMessage = () => {
    received.push(performance.timeOrigin + performance.now());
    if (received.length === count) {
      process.send!({ times: received });
      received = [];
    }
  };
  for (let i = 0; i < count; i += 200) {
    await Promise.all(
      Array.from(
        { length: Math.min(200, count - i) },
        () =>
          new Promise<void>((resolve, reject) => {
            const socket = new WebSocket(`ws://127.0.0.1:${PORT}`);
            socket.once('open', () => resolve());
            socket.once('error', reject);
            socket.on('message', onMessage);
          }),
      ),
    );
  }
  process.send!({ ready: true });
}

async function server(): Promise<void> {
  const rounds = Number(process.argv[3] ?? 3);
  const wss = new WebSocketServer({ port: PORT, perMessageDeflate: false });
  const sockets: { ws: WebSocket; stream: Socket }[] = [];
  wss.on('connection', (ws, request) => sockets.push({ ws, stream: request.socket as Socket }));
  const child = fork(__filename, ['client', String(count)], { execArgv: process.execArgv });
  const nextMessage = () => new Promise<{ times?: number[] }>((resolve) => child.once('message', resolve));
  await nextMessage();
  const payload = Buffer.from(
    JSON.stringify({
      data: {
        signalPublished: {
          id: '0b6e3c1e-6f0a-4f43-9d1c-2f1d9d0c6a11',
          sequence: '1234',
          side: 'BUY',
          price: '65000.00',
          instrument: { symbol: 'BTC-USDT' },
          author: { id: '4f7c2a58-5b7e-4d8e-a0a1-3c9a2a1b2c3d' },
        },
      },
    }),
  );
  const body = Buffer.concat([Buffer.from('{"id":"1","type":"next","payload":'), payload, Buffer.from('}')]);
  const frame = textFrame([body]);
  const ways = {
    'ws.send (baseline)': () => sockets.forEach(({ ws }) => ws.send(body, { binary: false })),
    'one write of the whole frame': () => sockets.forEach(({ stream }) => stream.write(frame)),
  };
  const rows: string[] = [];
  const loops: Record<string, number[]> = {};
  const record = (name: string, loopMs: number, times?: number[], started?: number) => {
    (loops[name] ??= []).push(loopMs);
    const sorted = (times ?? []).map((t) => t - started!).sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]?.toFixed(1);
    rows.push(
      `| ${name} | ${loopMs.toFixed(1)} | ${((loopMs * 1000) / count).toFixed(2)} | ${times ? `${at(0.5)} / ${at(0.99)}` : 'n/a'} |`,
    );
  };
  for (let round = 0; round < rounds; round++) {
    for (const [name, write] of Object.entries(ways)) {
      const received = nextMessage();
      const started = performance.timeOrigin + performance.now();
      const t = performance.now();
      write();
      const loopMs = performance.now() - t;
      record(name, loopMs, (await received).times, started);
      await new Promise((r) => setTimeout(r, 300));
    }
    process.kill(child.pid!, 'SIGSTOP');
    const received = nextMessage();
    const t = performance.now();
    ways['one write of the whole frame']();
    const loopMs = performance.now() - t;
    process.kill(child.pid!, 'SIGCONT');
    await received;
    record('one write, client stopped (kernel floor)', loopMs);
    await new Promise((r) => setTimeout(r, 300));
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const baseline = median(loops['ws.send (baseline)']!);
  const report =
    `# One live event written to ${count} WebSocket subscribers\n\n\`npx tsx bench/socketWrites.ts ${count} ${rounds}\`: ` +
    `${count} sockets, ${frame.length}-byte frame, Node ${process.version}, ${cpus().length} CPUs ` +
    `(${cpus()[0]?.model}), load average ${loadavg()[0]!.toFixed(1)}\n\n` +
    `| way | write loop ms | µs per socket | client receive p50 / p99 ms after the loop started |\n|---|---|---|---|\n` +
    `${rows.join('\n')}\n\nMedian write loop, ratio to ws.send:\n` +
    Object.entries(loops)
      .map(
        ([name, values]) =>
          `- ${name}: ${median(values).toFixed(1)} ms, ${(median(values) / baseline).toFixed(2)}×`,
      )
      .join('\n') +
    '\n';
  process.stdout.write(report);
  const file = path.join(__dirname, 'results', `${new Date().toISOString().slice(0, 10)}-socket-writes.md`);
  writeFileSync(file, report);
  child.kill();
  wss.close();
  process.exit(0);
}

void (isClient ? client() : server());
