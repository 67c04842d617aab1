import { readFileSync } from 'node:fs';
import { supergraphPath } from '../platform/topology';
import { composeSupergraph } from './composeSupergraph';

describe('supergraph', () => {
  it('composes the five subgraphs, and the checked-in supergraph is current', () => {
    const composed = composeSupergraph();
    for (const name of ['IDENTITY', 'LEARNING', 'SIGNALS', 'TRADING', 'BILLING']) {
      expect(composed).toContain(`${name} @join__graph(name: "${name.toLowerCase()}"`);
    }
    // Run `npm run compose` and commit the result when this fails.
    expect(readFileSync(supergraphPath, 'utf8')).toBe(composed);
  });

  it('User is one entity extended by every other subgraph', () => {
    const composed = composeSupergraph();
    const user = /type User\n((?:\s+@join__type\([^)]*\)\n)+)/.exec(composed)?.[1] ?? '';
    for (const graph of ['IDENTITY', 'LEARNING', 'SIGNALS', 'TRADING', 'BILLING']) {
      expect(user).toContain(`@join__type(graph: ${graph}, key: "id")`);
    }
  });
});
