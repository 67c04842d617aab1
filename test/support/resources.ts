/** What test/support/environment.js stops after a file if the file did not. */
interface TrackedResource {
  name: string;
  release(): Promise<void>;
  released(): boolean;
}

declare global {
  var __testResources: TrackedResource[] | undefined;
}

/**
 * Registers `stop` to run after the test file if the file has not called it by then, and returns it
 * made idempotent: the file's own afterAll and the environment's teardown can both call it.
 */
export function releasedAfterFile(name: string, stop: () => Promise<void>): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  const release = () => (stopping ??= stop());
  globalThis.__testResources?.push({ name, release, released: () => stopping !== undefined });
  return release;
}

/**
 * For resources a file may stop and start again (a Kafka bus): every call stops; the environment only
 * steps in if the file never called it.
 */
export function stoppedAfterFile(name: string, stop: () => Promise<void>): () => Promise<void> {
  let called = false;
  const release = () => {
    called = true;
    return stop();
  };
  globalThis.__testResources?.push({ name, release, released: () => called });
  return release;
}
