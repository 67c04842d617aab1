import type { IncomingMessage } from 'node:http';
import { gatewayConfigSchema } from '../config';
import { clientInfoOf, parseTrustedProxies } from './clientInfo';

/** A request as node:http hands it over: the peer address and the headers. */
const request = (peer: string, forwardedFor?: string | string[]) =>
  ({
    socket: { remoteAddress: peer },
    headers: { 'user-agent': 'test', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
  }) as unknown as IncomingMessage;

describe('clientInfoOf and TRUSTED_PROXIES', () => {
  const proxies = parseTrustedProxies('10.0.0.0/8, 192.168.1.7, fd00::/8');

  it('ignores X-Forwarded-For unless the peer is a trusted proxy (the default trusts none)', () => {
    expect(clientInfoOf(request('203.0.113.9', '1.2.3.4')).ip).toBe('203.0.113.9');
    expect(clientInfoOf(request('203.0.113.9', '1.2.3.4'), proxies).ip).toBe('203.0.113.9');
    expect(clientInfoOf(request('::ffff:203.0.113.9')).ip).toBe('203.0.113.9');
  });

  it('takes the rightmost address that is not a trusted proxy', () => {
    expect(clientInfoOf(request('10.1.2.3', '198.51.100.4'), proxies).ip).toBe('198.51.100.4');
    // The client forged the first entry; our two proxies appended the rest.
    expect(clientInfoOf(request('10.1.2.3', '6.6.6.6, 198.51.100.4, 192.168.1.7'), proxies).ip).toBe(
      '198.51.100.4',
    );
    // Several header lines count as one list, in order.
    expect(clientInfoOf(request('::ffff:10.0.0.1', ['6.6.6.6', '198.51.100.4, 10.9.9.9']), proxies).ip).toBe(
      '198.51.100.4',
    );
    expect(clientInfoOf(request('fd00::1', '2001:db8::5'), proxies).ip).toBe('2001:db8::5');
  });

  it('stops at the proxy when everything is trusted, the header is missing or an entry is garbage', () => {
    expect(clientInfoOf(request('10.1.2.3', '10.4.4.4, 192.168.1.7'), proxies).ip).toBe('10.4.4.4');
    expect(clientInfoOf(request('10.1.2.3'), proxies).ip).toBe('10.1.2.3');
    expect(clientInfoOf(request('10.1.2.3', '198.51.100.4, not-an-ip'), proxies).ip).toBe('10.1.2.3');
  });

  it('is read from the gateway config and refuses a malformed list at boot', () => {
    const base = { GATEWAY_SECRET: 'x'.repeat(32) };
    expect(gatewayConfigSchema.parse(base).TRUSTED_PROXIES.cidrs).toEqual([]);
    const config = gatewayConfigSchema.parse({ ...base, TRUSTED_PROXIES: '10.0.0.0/8,::1' });
    expect([
      config.TRUSTED_PROXIES.contains('10.20.30.40'),
      config.TRUSTED_PROXIES.contains('11.0.0.1'),
    ]).toEqual([true, false]);
    for (const bad of ['10.0.0.0/33', 'example.com', '10.0.0.0/8/1', '::1/129']) {
      expect(() => gatewayConfigSchema.parse({ ...base, TRUSTED_PROXIES: bad })).toThrow(/CIDR/);
    }
  });
});
