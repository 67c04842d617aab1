/**
 * Runs every stop, even when some fail, and then fails with the first error: one component that cannot
 * stop must not leave the others running (an open socket keeps the process, or a test run, alive).
 */
export async function stopAll(stops: (() => Promise<unknown> | undefined)[]): Promise<void> {
  const outcomes = await Promise.allSettled(stops.map(async (stop) => stop()));
  const failure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failure) throw failure.reason;
}

/**
 * Start-up that cleans up after itself: `started` collects the stop of each component as it comes up;
 * if a later step fails, everything already started is stopped (newest first) before the error goes on.
 */
export async function startOrUnwind<T>(
  start: (started: (stop: () => Promise<unknown> | undefined) => void) => Promise<T>,
): Promise<T> {
  const stops: (() => Promise<unknown> | undefined)[] = [];
  try {
    return await start((stop) => void stops.push(stop));
  } catch (error) {
    for (const stop of stops.reverse()) await Promise.resolve(stop()).catch(() => undefined);
    throw error;
  }
}

/**
 * Stops in stages (each stage concurrently, stages in order), going on past failures so everything gets
 * its stop; then fails with the first error.
 */
export async function stopInStages(stages: (() => Promise<unknown> | undefined)[][]): Promise<void> {
  let first: { error: unknown } | undefined;
  for (const stage of stages) {
    await stopAll(stage).catch((error: unknown) => (first ??= { error }));
  }
  if (first) throw first.error;
}
