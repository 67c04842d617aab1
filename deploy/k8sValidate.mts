import { readFileSync } from 'node:fs';
import * as k8s from 'kubernetes-models';
import { parseAllDocuments } from 'yaml';

/**
 * Validates rendered Kubernetes objects (YAML on stdin) against the Kubernetes OpenAPI schemas of
 * `kubernetes-models`, offline. A script of its own because the package is ESM-only (exports with an
 * `import` condition only), which jest's CommonJS resolver cannot load; deploy/k8s.test.ts runs it
 * with tsx. Prints one JSON line: [{ kind, name, error? }] for every object.
 */

type ModelClass = new (data: unknown) => { validate(): void };
type Namespace = Record<string, unknown>;

/** `networking.k8s.io/v1` → k8s.networkingK8sIo.v1; `v1` → k8s.v1. */
function modelOf(apiVersion: string, kind: string): ModelClass | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : [undefined, apiVersion];
  const key = group ? group.replace(/\.(\w)/g, (_match, letter: string) => letter.toUpperCase()) : undefined;
  const root = k8s as unknown as Namespace;
  const groupNamespace = (key ? root[key] : root) as Namespace | undefined;
  const versionNamespace = (key ? groupNamespace?.[version!] : groupNamespace?.[version!]) as
    Namespace | undefined;
  return versionNamespace?.[kind] as ModelClass | undefined;
}

const results = parseAllDocuments(readFileSync(0, 'utf8'))
  .map(
    (document) =>
      document.toJS() as { apiVersion?: string; kind?: string; metadata?: { name?: string } } | null,
  )
  .filter((object) => object !== null)
  .map((object) => {
    const { apiVersion = '', kind = '', metadata } = object;
    const Model = modelOf(apiVersion, kind);
    if (!Model) return { kind, name: metadata?.name, error: `no schema for ${apiVersion} ${kind}` };
    try {
      new Model(object).validate();
      return { kind, name: metadata?.name };
    } catch (error) {
      return { kind, name: metadata?.name, error: error instanceof Error ? error.message : String(error) };
    }
  });
process.stdout.write(JSON.stringify(results) + '\n');
