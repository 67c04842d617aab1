/**
 * Bounds how many scrypt derivations run at once. Each takes N * r * 128 bytes (128 MiB by default)
 * and a thread-pool thread for a few hundred ms of one core: unbounded, a burst of logins would take
 * every libuv thread and the CPU from the event loop (database round trips then time out). Queued
 * logins wait their turn instead.
 */
export function createHashingQueue(concurrency: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async function run<T>(work: () => Promise<T>): Promise<T> {
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await work();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

export type HashingQueue = ReturnType<typeof createHashingQueue>;
