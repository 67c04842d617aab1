// A jest reporter for .ci/run: keeps the list of test files running right now in a file (so a step that
// runs past its time limit can say what it was waiting on), and makes sure jest ends once the run is
// over: if something keeps the process alive after the summary, it names the open handles and exits
// with the run's own result instead of hanging until CI's limit.
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

  onTestFileResult(test) {
    this.running.delete(test.path);
    this.write();
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
