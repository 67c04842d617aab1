import { gatewayConfigSchema } from '../gateway/config';
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { repoRoot } from '../platform/topology';
import { processNames, processRuns, variablesOf } from './variables';

// Renders every overlay with `kubectl kustomize` (offline), validates each object against the
// Kubernetes schemas (kubernetes-models, in deploy/k8sValidate.mts) and checks what production needs.

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  data?: Record<string, string>;
  spec?: Record<string, unknown>;
}
interface Container {
  name: string;
  command: string[];
  env?: { name: string; value?: string; valueFrom?: Record<string, { name: string; key: string }> }[];
  envFrom?: unknown[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  readinessProbe?: { httpGet?: { path: string } };
  livenessProbe?: { httpGet?: { path: string } };
}
interface PodTemplate {
  metadata: { annotations?: Record<string, string> };
  spec: { containers: Container[] };
}

const kubectl = process.env.KUBECTL ?? 'kubectl';

function kubectlVersion(): string {
  const run = spawnSync(kubectl, ['version', '--client'], { encoding: 'utf8' });
  if (run.error || run.status !== 0) {
    throw new Error(
      `kubectl not found or not working (${run.error?.message ?? run.stderr}): install it ` +
        '(Debian: apt-get install kubernetes-client; .ci/run does) or set KUBECTL to its path',
    );
  }
  return run.stdout.trim();
}

function render(overlay: string): K8sObject[] {
  const dir = path.join(repoRoot, 'deploy', 'k8s', 'overlays', overlay);
  let yaml: string;
  try {
    yaml = execFileSync(kubectl, ['kustomize', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    throw new Error(`kubectl kustomize ${dir} failed with ${kubectlVersion()}:\n${stderr}`);
  }
  return parseAllDocuments(yaml).map((document) => document.toJS() as K8sObject);
}

function schemaProblems(objects: K8sObject[]): string[] {
  const yaml = objects.map((object) => JSON.stringify(object)).join('\n---\n');
  const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
  const output = execFileSync(tsx, [path.join(repoRoot, 'deploy', 'k8sValidate.mts')], {
    input: yaml,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const results = JSON.parse(output) as { kind: string; name: string; error?: string }[];
  expect(results).toHaveLength(objects.length);
  return results.flatMap((result) =>
    result.error ? [`${result.kind} ${result.name}: ${result.error}`] : [],
  );
}

describe.each(['dev', 'prod'])('deploy/k8s/overlays/%s', (overlay) => {
  let objects: K8sObject[];
  beforeAll(() => {
    objects = render(overlay);
  });
  const find = (kind: string, name: string) =>
    objects.find((o) => o.kind === kind && o.metadata.name === name);

  it('renders, and every object is valid against the Kubernetes schemas', () => {
    expect(objects.length).toBeGreaterThan(20);
    expect(schemaProblems(objects)).toEqual([]);
    // Secrets are created by the operator (README), never committed.
    expect(objects.filter((object) => object.kind === 'Secret')).toEqual([]);
  });

  it.each(processNames)(
    '%s: Deployment, Service, HorizontalPodAutoscaler and PodDisruptionBudget',
    (process) => {
      for (const kind of ['Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget']) {
        expect(find(kind, process)).toBeDefined();
      }
      expect(find('HorizontalPodAutoscaler', process)!.apiVersion).toBe('autoscaling/v2');
      const template = find('Deployment', process)!.spec!.template as PodTemplate;
      const [container] = template.spec.containers;
      expect(container!.command).toEqual(['npx', 'tsx', processRuns[process].entry]);
      expect(container!.readinessProbe?.httpGet?.path).toBe('/readyz');
      expect(container!.livenessProbe?.httpGet?.path).toBe('/healthz');
      expect(container!.resources?.requests).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
      expect(container!.resources?.limits).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
      expect(template.metadata.annotations).toMatchObject({
        'prometheus.io/scrape': 'true',
        // The gateway's /metrics has a listener of its own (METRICS_PORT), off its public port.
        'prometheus.io/port': String(
          process === 'gateway'
            ? gatewayConfigSchema.shape.METRICS_PORT.parse(undefined)
            : processRuns[process].port,
        ),
        'prometheus.io/path': '/metrics',
      });
    },
  );

  it.each(processNames)('%s: every variable production requires is provided', (process) => {
    const [container] = (find('Deployment', process)!.spec!.template as PodTemplate).spec.containers;
    const provided = new Set(
      (container!.env ?? []).flatMap((env) => {
        if (env.value !== undefined) return [env.name];
        const configMap = env.valueFrom?.configMapKeyRef;
        if (configMap) return find('ConfigMap', configMap.name)?.data?.[configMap.key] ? [env.name] : [];
        const secret = env.valueFrom?.secretKeyRef;
        return secret?.name && secret.key === env.name ? [env.name] : [];
      }),
    );
    const required = variablesOf(process).filter((v) => v.requiredInProduction);
    expect(required.filter((v) => !provided.has(v.name)).map((v) => v.name)).toEqual([]);
    expect(provided.has('NODE_ENV')).toBe(true);
    expect(
      find('ConfigMap', container!.env!.find((e) => e.name === 'NODE_ENV')!.valueFrom!.configMapKeyRef!.name)!
        .data!.NODE_ENV,
    ).toBe('production');
    // A secret is never a literal in a manifest.
    for (const variable of required.filter((v) => v.secret)) {
      expect(
        container!.env!.find((env) => env.name === variable.name)!.valueFrom?.secretKeyRef,
      ).toBeDefined();
    }
  });

  it('NetworkPolicies: nothing reaches a pod unless allowed; only the gateway (and Prometheus) reach subgraphs', () => {
    const policies = objects.filter((object) => object.kind === 'NetworkPolicy');
    const deny = policies.find((p) => p.metadata.name === 'default-deny-ingress')!;
    expect(deny.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'] });
    const subgraphs = policies.find((p) => p.metadata.name === 'subgraphs-from-gateway')!;
    expect(subgraphs.spec!.podSelector).toEqual({
      matchLabels: { 'app.kubernetes.io/component': 'subgraph' },
    });
    const sources = (subgraphs.spec!.ingress as { from: object[] }[]).flatMap((rule) => rule.from);
    expect(sources).toEqual([
      { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'gateway' } } },
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } },
    ]);
    for (const process of processNames.filter((name) => name !== 'gateway')) {
      const labels = (find('Deployment', process)!.spec!.template as { metadata: { labels: object } })
        .metadata.labels;
      expect(labels).toMatchObject({ 'app.kubernetes.io/component': 'subgraph' });
    }
  });

  it('the migration Job migrates, then seeds', () => {
    const job = find('Job', 'tradeschool-migrate')!;
    const [container] = (job.spec!.template as PodTemplate).spec.containers;
    expect(container!.command.join(' ')).toContain('npm run db:migrate && npm run seed');
    expect(container!.env!.map((env) => env.name)).toEqual(
      expect.arrayContaining(['DATABASE_URL', 'NODE_ENV']),
    );
  });
});
