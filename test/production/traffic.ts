/**
 * One operation touching all five subgraphs through fields that are nullable, so a subgraph that is down
 * nulls only its own part (a non-null field would null its parent too, by GraphQL's null propagation):
 * identity (me), billing (subscription), trading (portfolio), learning (courseBySlug), signals (instrument).
 */
export const EVERY_SUBGRAPH = `query EverySubgraph {
  me {
    name
    subscription { plan { tier } }
    portfolio { cash { amount currency } }
  }
  courseBySlug(slug: "candlestick-patterns-for-beginners") { title }
  instrument(symbol: "BTC-USDT") { symbol }
}`;

export interface EverySubgraphData {
  me: {
    name: string;
    subscription: { plan: { tier: string } } | null;
    portfolio: { cash: { amount: string; currency: string } } | null;
  } | null;
  courseBySlug: { title: string } | null;
  instrument: { symbol: string } | null;
}

/** The README's query answered by four subgraphs (identity, billing, learning, trading). */
export const FOUR_SUBGRAPHS = `{
  me {
    name
    email
    tier
    subscription { plan { tier name price { amount currency } } currentPeriodEnd }
    enrollments { course { title instructor { name } } }
    portfolio { cash { amount currency } }
  }
}`;

export interface Sample {
  at: number;
  /** The gateway did not answer (refused, reset, timed out). */
  unreachable: boolean;
  /** `code/serviceName` of each error. */
  errors: string[];
}

/** Errors of a response as `code/serviceName` (serviceName only on SERVICE_UNAVAILABLE). */
export function errorKeys(errors: { extensions?: Record<string, unknown> }[] | undefined): string[] {
  return (errors ?? []).map(
    (error) => `${String(error.extensions?.code)}/${String(error.extensions?.serviceName ?? '')}`,
  );
}

/**
 * Requests the every-subgraph query back to back while processes are killed and restarted, recording
 * what each answer was: the test then checks that every error named the subgraph that was down.
 */
export function startTraffic(url: () => string, headers: () => Record<string, string>) {
  const samples: Sample[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const at = Date.now();
      try {
        const response = await fetch(url(), {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers() },
          body: JSON.stringify({ query: EVERY_SUBGRAPH }),
          signal: AbortSignal.timeout(10_000),
        });
        const body = (await response.json()) as { errors?: { extensions?: Record<string, unknown> }[] };
        samples.push({ at, unreachable: false, errors: errorKeys(body.errors) });
      } catch {
        samples.push({ at, unreachable: true, errors: [] });
        // The gateway is down: ask again shortly rather than spin on refused connections.
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  })();
  return {
    samples,
    /** Samples taken in [from, to). */
    between: (from: number, to: number) => samples.filter((sample) => sample.at >= from && sample.at < to),
    async stop() {
      running = false;
      await loop;
    },
  };
}
