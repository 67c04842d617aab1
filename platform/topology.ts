import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Domain } from './events/envelope';

/** The subgraphs of the supergraph and the ports they use by default (npm start, docker-compose). */
export const subgraphDefaults: Record<Domain, { port: number }> = {
  identity: { port: 4001 },
  learning: { port: 4002 },
  signals: { port: 4003 },
  trading: { port: 4004 },
  billing: { port: 4005 },
};

export const GATEWAY_DEFAULT_PORT = 4000;

export const repoRoot = path.resolve(__dirname, '..');

export function subgraphSdl(name: Domain): string {
  return readFileSync(path.join(repoRoot, 'subgraphs', name, 'schema.graphql'), 'utf8');
}

export const supergraphPath = path.join(repoRoot, 'schema', 'supergraph.graphql');
