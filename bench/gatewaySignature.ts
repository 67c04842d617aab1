// The cost the per-fetch gateway signature adds: one sign (gateway) plus one verify (subgraph), for
// a small and a large subgraph body. `npx tsx bench/gatewaySignature.ts`
import { performance } from 'node:perf_hooks';
import { signGatewayRequest, verifyGatewayRequest } from '../platform/auth/gatewaySignature';
import { viewerHeaders } from '../platform/auth/viewer';

const secret = 'bench-gateway-secret-0123456789abcdef';
const encoded = viewerHeaders(
  { userId: '7f9c2a4e-1b3d-4c5e-8f6a-0b1c2d3e4f50', sessionId: 's', roles: ['LEARNER'], tier: 'PREMIUM' },
  { ip: '203.0.113.7', userAgent: 'Mozilla/5.0 (bench)' },
);
const identity = {
  viewer: encoded['x-viewer'],
  client: encoded['x-viewer-client'],
  correlationId: 'bench-0001',
};

function run(label: string, body: string, iterations: number): void {
  const target = { method: 'POST', subgraph: 'trading', path: '/graphql', body };
  const signOnly = () => signGatewayRequest(secret, target, identity);
  const both = () => {
    const headers = { ...encoded, 'x-correlation-id': 'bench-0001', ...signOnly() };
    const verified = verifyGatewayRequest(
      secret,
      headers,
      { ...target, body: Buffer.from(body) },
      'bench-0001',
      {
        windowMs: 30_000,
      },
    );
    if (!verified.ok) throw new Error(`bench: refused (${verified.refusal})`);
  };
  for (let i = 0; i < 5_000; i++) both(); // warm-up
  let start = performance.now();
  for (let i = 0; i < iterations; i++) signOnly();
  const sign = ((performance.now() - start) * 1000) / iterations;
  start = performance.now();
  for (let i = 0; i < iterations; i++) both();
  const total = ((performance.now() - start) * 1000) / iterations;
  process.stdout.write(
    `${label} (${Buffer.byteLength(body)} B body): sign ${sign.toFixed(1)} µs, sign + verify ${total.toFixed(1)} µs\n`,
  );
}

const entities = JSON.stringify({
  query:
    'query($representations:[_Any!]!){_entities(representations:$representations){...on User{portfolio{id cash{amount currency}}}}}',
  variables: { representations: [{ __typename: 'User', id: '7f9c2a4e-1b3d-4c5e-8f6a-0b1c2d3e4f50' }] },
});
const large = JSON.stringify({
  query: entities,
  variables: {
    representations: Array.from({ length: 100 }, (_, i) => ({
      __typename: 'Signal',
      id: `signal-${i}-0000000000`,
    })),
  },
});
run('one _entities fetch', entities, 100_000);
run('a 100-entity batch', large, 50_000);
