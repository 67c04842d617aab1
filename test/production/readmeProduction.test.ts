import { readFileSync } from 'node:fs';
import path from 'node:path';
import { processNames, processRuns, variablesOf, type ProcessName } from '../../deploy/variables';
import { repoRoot } from '../../platform/topology';
import {
  gatewaySpec,
  migrateSpecs,
  subgraphNames,
  subgraphSpec,
  type DeploymentInputs,
  type ProcessSpec,
} from './deployment';

// The production-shape tests start what test/production/deployment.ts says; this checks that it is what
// the README's production section (generated from deploy/variables.ts) tells an operator to run: the
// same commands, the same migration, and every variable the README exports that a process needs.
const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('<!-- production:start'), readme.indexOf('<!-- production:end'));
const plainProcesses = (() => {
  const start = section.indexOf('### As plain processes');
  const block = section.slice(section.indexOf('```bash', start) + '```bash'.length);
  return block.slice(0, block.indexOf('```'));
})();

const inputs: DeploymentInputs = {
  databaseUrl: 'postgresql://postgres@127.0.0.1:5432/shape',
  redisUrl: 'redis://127.0.0.1:6390',
  kafkaBrokers: '127.0.0.1:9092',
  kafkaNamespace: 'shape',
  secrets: {
    gatewaySecret: 'g',
    jwtPrivateKey: 'k',
    jwtPublicKey: 'p',
    identityDataKey: 'i',
    tradingDataKey: 't',
  },
  razorpay: { url: 'http://127.0.0.1:1', keyId: 'id', keySecret: 's', webhookSecret: 'w' },
  postmark: { url: 'http://127.0.0.1:2', serverToken: 'token' },
  host: '127.0.0.1',
};

function specOf(process: ProcessName): ProcessSpec {
  if (process === 'gateway') {
    const urls = Object.fromEntries(
      subgraphNames.map((name) => [name, `http://127.0.0.1:${processRuns[name].port}`]),
    );
    return gatewaySpec(
      processRuns.gateway.port,
      urls as Record<(typeof subgraphNames)[number], string>,
      inputs,
    );
  }
  return subgraphSpec(process, processRuns[process].port, inputs);
}

describe("the production shape follows the README's production section", () => {
  it('finds the section and its commands (not trivially empty)', () => {
    expect(plainProcesses).toContain('npx tsx gateway/index.ts');
    expect([...plainProcesses.matchAll(/^export (\w+)=/gm)].length).toBeGreaterThan(10);
  });

  it('runs each process with the command the README gives, on its port', () => {
    const launched = [...plainProcesses.matchAll(/^PORT=(\d+) npx tsx (\S+) &$/gm)].map(
      ([, port, entry]) => ({
        port: Number(port),
        entry,
      }),
    );
    expect(launched).toEqual(
      processNames.map((name) => ({ port: processRuns[name].port, entry: processRuns[name].entry })),
    );
    for (const name of processNames) {
      const spec = specOf(name);
      expect([spec.command, ...spec.args]).toEqual(['npx', 'tsx', processRuns[name].entry]);
      expect(spec.env.NODE_ENV).toBe('production');
    }
  });

  it('migrates, then seeds, as the README says', () => {
    expect(plainProcesses).toContain('npm run db:migrate && npm run seed');
    expect(migrateSpecs(inputs.databaseUrl).map((spec) => [spec.command, ...spec.args].join(' '))).toEqual([
      'npm run db:migrate',
      'npm run seed',
    ]);
  });

  it('gives every process each variable production requires of it, all of which the README exports', () => {
    const exported = new Set([...plainProcesses.matchAll(/^export (\w+)=/gm)].map((match) => match[1]!));
    for (const name of processNames) {
      const required = variablesOf(name)
        .filter((variable) => variable.requiredInProduction)
        .map((variable) => variable.name);
      const env = specOf(name).env;
      // PORT is on each command line; the rest is exported once for every process.
      expect({ name, missingInReadme: required.filter((v) => v !== 'PORT' && !exported.has(v)) }).toEqual({
        name,
        missingInReadme: [],
      });
      expect({ name, missingInShape: required.filter((v) => !(v in env)) }).toEqual({
        name,
        missingInShape: [],
      });
    }
  });
});
