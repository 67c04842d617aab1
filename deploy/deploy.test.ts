import { baseConfigSchema } from '../platform/config';
import { subgraphConfigSchema } from '../platform/subgraphConfig';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../platform/topology';
import { README_END, README_START } from './readme';
import { processNames, processRuns, variables, variablesOf, type ProcessName } from './variables';

const required = (process: ProcessName) =>
  variablesOf(process)
    .filter((variable) => variable.requiredInProduction)
    .map((variable) => variable.name)
    .sort();

describe('the variable list (deploy/variables.ts)', () => {
  it("derives what production requires from each process's config module", () => {
    const everySubgraph = ['DATABASE_URL', 'GATEWAY_SECRET', 'KAFKA_BROKERS', 'PORT', 'REDIS_URL'];
    expect(required('identity')).toEqual(
      [
        ...everySubgraph,
        'IDENTITY_DATA_KEY',
        'JWT_PRIVATE_KEY',
        'JWT_PUBLIC_KEY',
        'POSTMARK_SERVER_TOKEN',
      ].sort(),
    );
    expect(required('learning')).toEqual(everySubgraph);
    expect(required('signals')).toEqual(everySubgraph);
    expect(required('trading')).toEqual([...everySubgraph, 'TRADING_DATA_KEY'].sort());
    expect(required('billing')).toEqual(
      [
        ...everySubgraph,
        'RAZORPAY_KEY_ID',
        'RAZORPAY_KEY_SECRET',
        'RAZORPAY_WEBHOOK_SECRET',
        'SELLER_ADDRESS',
        'SELLER_GSTIN',
        'SELLER_LEGAL_NAME',
      ].sort(),
    );
    expect(required('gateway')).toEqual(['GATEWAY_SECRET', 'KAFKA_BROKERS', 'REDIS_URL']);
  });

  it('describes every variable and marks the secrets', () => {
    expect(
      variables.filter((variable) => !variable.description).map((v) => `${v.process} ${v.name}`),
    ).toEqual([]);
    const secrets = new Set(variables.filter((variable) => variable.secret).map((variable) => variable.name));
    for (const name of [
      'DATABASE_URL',
      'GATEWAY_SECRET',
      'JWT_PRIVATE_KEY',
      'IDENTITY_DATA_KEY',
      'TRADING_DATA_KEY',
    ]) {
      expect(secrets).toContain(name);
    }
    expect(secrets).not.toContain('PORT');
  });

  it('has no variable two processes read by convention: a shared name is a base setting', () => {
    const owners = new Map<string, Set<ProcessName>>();
    for (const variable of variables)
      owners.set(variable.name, (owners.get(variable.name) ?? new Set()).add(variable.process));
    const shared = [...owners].filter(([, processes]) => processes.size > 1).map(([name]) => name);
    // Only the deployment-wide base (platform/config.ts) and what every subgraph reads
    // (platform/subgraphConfig.ts) may be read by more than one process.
    const common = new Set([
      ...Object.keys(baseConfigSchema.shape),
      ...Object.keys(subgraphConfigSchema.shape),
    ]);
    expect(shared.length).toBeGreaterThan(5);
    expect(shared.filter((name) => !common.has(name))).toEqual([]);
  });
});

describe('generated deployment files', () => {
  it('docker-compose.yml, the README production section and deploy/k8s are what the list generates', async () => {
    // A process of its own: prettier (which formats the generated files) loads its plugins with a
    // dynamic import, which jest's module system refuses.
    const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
    const check = await promisify(execFile)(tsx, ['deploy/generate.ts', '--check'], {
      cwd: repoRoot,
      timeout: 60_000,
    })
      .then(() => 'current')
      .catch((error: { stderr?: string }) => error.stderr ?? String(error));
    expect(check).toBe('current');
  });

  it("docker-compose.yml gives every process what production requires, with each process's entry point", () => {
    const compose = parse(readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8')) as {
      services: Record<
        string,
        { command?: string; environment?: Record<string, string>; depends_on?: object }
      >;
    };
    for (const process of processNames) {
      const service = compose.services[process]!;
      expect(service.command).toBe(`npx tsx ${processRuns[process].entry}`);
      expect(service.environment?.NODE_ENV).toBe('production');
      expect(Object.keys(service.environment ?? {})).toEqual(expect.arrayContaining(required(process)));
      // A secret comes from the user's shell or .env, refused when missing; never a default in the file.
      for (const variable of variablesOf(process).filter((v) => v.secret && v.requiredInProduction)) {
        const value = service.environment![variable.name]!;
        if (!['DATABASE_URL', 'REDIS_URL'].includes(variable.name)) expect(value).toMatch(/^\$\{\w+:\?.+\}$/);
      }
    }
    expect(compose.services.trading!.environment!.TRADING_DATA_KEY).toMatch(/^\$\{TRADING_DATA_KEY:\?/);
    expect(compose.services.gateway!.environment!.TRADING_URL).toBe('http://trading:4004/graphql');
    expect(compose.services.migrate!.command).toContain('npm run db:migrate && npm run seed');
    for (const infrastructure of ['postgres', 'redis', 'kafka'])
      expect(compose.services[infrastructure]).toBeDefined();
  });

  it('the README has one production section, with a table per process', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    expect(readme.split(README_START)).toHaveLength(2);
    const section = readme.slice(readme.indexOf(README_START), readme.indexOf(README_END));
    for (const process of processNames) expect(section).toContain(`#### ${process} (`);
    for (const process of processNames) {
      expect(section).toContain(`PORT=${processRuns[process].port} npx tsx ${processRuns[process].entry} &`);
    }
    expect(section).toContain('npm run db:migrate && npm run seed');
    expect(section).toContain('kubectl apply -k deploy/k8s/overlays/prod');
  });
});
