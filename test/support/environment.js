// The test environment of every file: Node's, plus a last word on what the file started.
// Test support code (test/support/resources.ts) registers the stop of every stack, database and Kafka
// bus it hands out; after the file's own afterAll hooks have run, this stops whatever is still running,
// so a file whose beforeAll failed half-way, or whose afterAll threw, cannot leave a socket or a
// consumer behind that keeps jest from exiting.
const { TestEnvironment } = require('jest-environment-node');

const STOP_TIMEOUT_MS = 20_000;

class ReleasingEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.testPath = context.testPath;
    this.global.__testResources = [];
  }

  async teardown() {
    const resources = this.global.__testResources ?? [];
    for (const resource of resources.reverse()) {
      if (resource.released()) continue;
      let timer;
      const outcome = await Promise.race([
        resource.release().then(
          () => 'stopped',
          (error) => `failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
        new Promise((resolve) => (timer = setTimeout(() => resolve('timed out'), STOP_TIMEOUT_MS))),
      ]);
      clearTimeout(timer);
      // The file did not stop it itself: say so, it is a leak in that file's hooks.
      process.stderr.write(`[test resources] ${this.testPath}: ${resource.name} left running; ${outcome}\n`);
    }
    await super.teardown();
  }
}

module.exports = ReleasingEnvironment;
