import { randomUUID } from 'node:crypto';
import { redisUrl } from '../../test/support/env';
import { createGatewayReplayGuard } from './gatewayReplayGuard';
import { signedSubgraphHeaders, verifyGatewayRequest, type SignedTarget } from './gatewaySignature';
import type { Viewer } from './viewer';

const secret = 'unit-gateway-secret-0123456789abcdef';
const admin: Viewer = { userId: 'u-admin', sessionId: 's-1', roles: ['ADMIN'], tier: 'ENTERPRISE' };
const target: SignedTarget = {
  method: 'POST',
  subgraph: 'trading',
  path: '/graphql',
  body: '{"query":"mutation { setKillSwitch(enabled: true) }"}',
};
const now = 1_800_000_000_000;
const windowMs = 30_000;

function signedHeaders(at = now) {
  return signedSubgraphHeaders(
    secret,
    target,
    { viewer: admin, client: { ip: '10.0.0.1', userAgent: 'jest' }, correlationId: 'corr-12345678' },
    at,
  );
}

const verify = (
  headers: Record<string, string>,
  changes: Partial<SignedTarget> = {},
  options: { correlationId?: string; at?: number; windowMs?: number } = {},
) =>
  verifyGatewayRequest(secret, headers, { ...target, ...changes }, options.correlationId ?? 'corr-12345678', {
    windowMs: options.windowMs ?? windowMs,
    now: options.at ?? now,
  });

describe('gateway request signature', () => {
  it('accepts the request it signed and returns the signed viewer and client', () => {
    const verified = verify(signedHeaders());
    expect(verified).toMatchObject({
      ok: true,
      viewer: admin,
      client: { ip: '10.0.0.1', userAgent: 'jest' },
      nonceExpiresAt: now + windowMs,
    });
  });

  it('accepts the body as the exact bytes received', () => {
    expect(verify(signedHeaders(), { body: Buffer.from(target.body as string) }).ok).toBe(true);
  });

  it.each<[string, Partial<SignedTarget>]>([
    ['another body', { body: '{"query":"mutation { setKillSwitch(enabled: false) }"}' }],
    ['one more byte of body', { body: `${target.body as string} ` }],
    ['another subgraph', { subgraph: 'billing' }],
    ['another path', { path: '/graphql?extra=1' }],
    ['another method', { method: 'GET' }],
  ])('refuses %s than was signed', (_what, changes) => {
    expect(verify(signedHeaders(), changes)).toEqual({ ok: false, refusal: 'invalid' });
  });

  it.each([
    ['x-viewer', Buffer.from(JSON.stringify({ ...admin, userId: 'u-victim' })).toString('base64url')],
    ['x-viewer-client', Buffer.from(JSON.stringify({ ip: '1.2.3.4', userAgent: 'x' })).toString('base64url')],
    ['x-viewer-ts', String(now - 1)],
    ['x-gateway-nonce', randomUUID()],
    ['x-gateway-signature', 'A'.repeat(43)],
  ])('refuses a changed %s header', (name, value) => {
    expect(verify({ ...signedHeaders(), [name]: value })).toEqual({ ok: false, refusal: 'invalid' });
  });

  it('refuses another correlation id than was signed', () => {
    expect(verify(signedHeaders(), {}, { correlationId: 'other-correlation' })).toEqual({
      ok: false,
      refusal: 'invalid',
    });
  });

  it('refuses a request without signature, timestamp or nonce', () => {
    for (const name of ['x-gateway-signature', 'x-viewer-ts', 'x-gateway-nonce']) {
      const headers: Record<string, string> = signedHeaders();
      delete headers[name];
      expect(verify(headers)).toEqual({ ok: false, refusal: 'missing' });
    }
  });

  it('enforces the window on both sides, and never more than 30 s', () => {
    expect(verify(signedHeaders(now - windowMs)).ok).toBe(true);
    expect(verify(signedHeaders(now - windowMs - 1))).toEqual({ ok: false, refusal: 'expired' });
    expect(verify(signedHeaders(now + windowMs + 1))).toEqual({ ok: false, refusal: 'expired' });
    expect(verify(signedHeaders(now - 5_001), {}, { windowMs: 5_000 })).toEqual({
      ok: false,
      refusal: 'expired',
    });
    // A configured window above the ceiling is clamped to it.
    expect(verify(signedHeaders(now - 31_000), {}, { windowMs: 300_000 })).toEqual({
      ok: false,
      refusal: 'expired',
    });
  });
});

describe.each(['in-process', 'redis'] as const)('gateway replay guard (%s)', (kind) => {
  const guard = createGatewayReplayGuard({ redisUrl: kind === 'redis' ? redisUrl : undefined });
  afterAll(() => guard.close());

  it('accepts a nonce once per subgraph', async () => {
    const nonce = randomUUID();
    const until = Date.now() + 30_000;
    expect(await guard.claim('trading', nonce, until)).toBe(true);
    expect(await guard.claim('trading', nonce, until)).toBe(false);
    expect(await guard.claim('trading', randomUUID(), until)).toBe(true);
  });
});

describe('in-process replay guard bounds', () => {
  it('forgets expired nonces and refuses rather than forget a live one', async () => {
    let clock = 0;
    const guard = createGatewayReplayGuard({ maxEntries: 2, now: () => clock });
    expect(await guard.claim('learning', 'a', 10)).toBe(true);
    expect(await guard.claim('learning', 'b', 20)).toBe(true);
    await expect(guard.claim('learning', 'c', 30)).rejects.toMatchObject({ status: 503 });
    clock = 15;
    expect(await guard.claim('learning', 'c', 30)).toBe(true);
    expect(await guard.claim('learning', 'b', 30)).toBe(false);
  });
});
