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

export interface HealthOptions {
  timeoutMs?: number;
  /**
   * Checks reported in /readyz whose failure does not make this process unready: what it serves
   * without them, answering for the rest (the gateway's subgraphs: SERVICE_UNAVAILABLE for that
   * subgraph's fields only). Failing readiness for them would take every gateway replica out of the
   * load balancer because one subgraph is down, turning a partial outage into a total one.
   */
  soft?: readonly string[];
}

/**
 * /healthz: the process is alive. /readyz: every dependency answers (and the process is not
 * draining), so a load balancer only routes to instances that can serve; a soft check that fails is
 * shown as `down` with status `degraded`, still HTTP 200.
 */
export function createHealthHandler(
  checks: Record<string, ReadinessCheck>,
  { timeoutMs = 2_000, soft = [] }: HealthOptions = {},
) {
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
      const hard = names.map((name, i) => soft.includes(name) || Boolean(results[i]));
      const ready = !draining && hard.every(Boolean);
      const softDown = names.some((name, i) => soft.includes(name) && !results[i]);
      const state = draining ? 'draining' : !ready ? 'unavailable' : softDown ? 'degraded' : 'ready';
      res
        .writeHead(ready ? 200 : 503, { 'content-type': 'application/json' })
        .end(JSON.stringify({ status: state, checks: status }));
      return true;
    },
  };
}
