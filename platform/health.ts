import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A dependency check for /readyz: resolves true when the dependency answers. 'degraded' still counts
 * as ready: the process serves, with a fallback, and says so (e.g. the gateway's rate limiter).
 */
export type ReadinessCheck = () => Promise<boolean | 'degraded'>;

async function runCheck(check: ReadinessCheck, timeoutMs: number): Promise<boolean | 'degraded'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([check().catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * /healthz: the process is alive. /readyz: every dependency answers (and the process is not
 * draining), so a load balancer only routes to instances that can serve.
 */
export function createHealthHandler(checks: Record<string, ReadinessCheck>, timeoutMs = 2_000) {
  let draining = false;
  return {
    markDraining() {
      draining = true;
    },
    async handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
      const path = req.url?.split('?')[0];
      if (path === '/healthz') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
        return true;
      }
      if (path !== '/readyz') return false;
      const names = Object.keys(checks);
      const results = await Promise.all(names.map((name) => runCheck(checks[name]!, timeoutMs)));
      const status = Object.fromEntries(
        names.map((name, i) => [name, results[i] === 'degraded' ? 'degraded' : results[i] ? 'up' : 'down']),
      );
      const ready = !draining && results.every(Boolean);
      res
        .writeHead(ready ? 200 : 503, { 'content-type': 'application/json' })
        .end(
          JSON.stringify({ status: ready ? 'ready' : draining ? 'draining' : 'unavailable', checks: status }),
        );
      return true;
    },
  };
}
