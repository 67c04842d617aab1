// A jest reporter for .ci/run: keeps the list of test files running right now in a file (so a step that
// runs past its time limit can say what it was waiting on), and makes sure jest ends once the run is
// over: if something keeps the process alive after the summary, it names the open handles and exits
// with the run's own result instead of hanging until CI's limit.
// With JEST_FAIL_FAST=1 (.ci/run) the first failing file ends the run: jest's own --bail went on starting
// files after a failure when running with workers (seen with jest 30 here), so this stops the process
// group (jest and its workers; .ci/run gives every step a group of its own) once that file's failure is
// printed.
const fs = require('node:fs');
const path = require('node:path');

const EXIT_GRACE_MS = Number(process.env.JEST_EXIT_GRACE_MS ?? 30_000);

class CiReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
    this.runningFile =
      process.env.JEST_RUNNING_FILE ?? path.join(globalConfig.rootDir, '.cache', 'jest-running.txt');
    this.running = new Map();
  }

  write() {
    const now = Date.now();
    const lines = [...this.running].map(
      ([file, since]) =>
        `${path.relative(this.rootDir, file)} (running for ${Math.round((now - since) / 1000)} s)`,
    );
    fs.mkdirSync(path.dirname(this.runningFile), { recursive: true });
    fs.writeFileSync(this.runningFile, lines.length ? `${lines.join('\n')}\n` : '');
  }

  onTestFileStart(test) {
    this.running.set(test.path, Date.now());
    this.write();
  }

  onTestFileResult(test, result) {
    this.running.delete(test.path);
    this.write();
    const failed = result.numFailingTests > 0 || Boolean(result.testExecError);
    if (failed && process.env.JEST_FAIL_FAST === '1') {
      const still = [...this.running.keys()].map((file) => path.relative(this.rootDir, file));
      process.stderr.write(
        `\n[ci reporter] ${path.relative(this.rootDir, test.path)} failed: ending the run now (JEST_FAIL_FAST=1)${still.length ? `; not waiting for ${still.join(', ')}` : ''}.\n`,
      );
      // Let the failure's report reach the terminal, then stop jest and its workers together.
      setTimeout(() => process.kill(0, 'SIGTERM'), 200);
    }
  }

  onRunComplete(_contexts, results) {
    this.running.clear();
    this.write();
    const failed =
      results.numFailedTests > 0 || results.numFailedTestSuites > 0 || results.numRuntimeErrorTestSuites > 0;
    const timer = setTimeout(() => {
      const handles = process.getActiveResourcesInfo().filter((kind) => kind !== 'TTYWrap');
      process.stderr.write(
        `\n[ci reporter] jest had not exited ${EXIT_GRACE_MS / 1000} s after the run; still open: ${handles.join(', ') || 'nothing reported'}. Exiting with the run's result.\n`,
      );
      process.exit(failed ? 1 : 0);
    }, EXIT_GRACE_MS);
    timer.unref();
  }
}

module.exports = CiReporter;
