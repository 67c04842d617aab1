/**
 * Bounds how many scrypt derivations run at once. Each takes 64 MiB and a thread-pool thread for
 * ~100 ms: unbounded, a burst of logins would take every libuv thread and the CPU from the event loop
 * (database round trips then time out). Queued logins wait their turn instead.
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
