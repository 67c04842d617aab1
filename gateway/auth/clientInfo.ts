import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';
import { z } from 'zod';
import type { ClientInfo } from '../../platform/auth/viewer';

/** Addresses of our own proxies (load balancers, ingress): only their X-Forwarded-For is believed. */
export interface TrustedProxies {
  contains(address: string): boolean;
  /** The CIDRs as configured, for logs and errors. */
  readonly cidrs: readonly string[];
}

const unmapped = (address: string) =>
  address.toLowerCase().startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;

/** "10.0.0.0/8, 192.168.1.7, fd00::/8": each entry an address or a CIDR; empty trusts nobody. */
export function parseTrustedProxies(list: string): TrustedProxies {
  const blocks = new BlockList();
  const cidrs = list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const cidr of cidrs) {
    const [address = '', prefixText, ...rest] = cidr.split('/');
    const family = isIP(address);
    const maxPrefix = family === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? maxPrefix : Number(prefixText);
    if (!family || rest.length > 0 || !Number.isInteger(prefix) || prefix < 0 || prefix > maxPrefix) {
      throw new Error(`"${cidr}" is not an IP address or CIDR`);
    }
    blocks.addSubnet(address, prefix, family === 4 ? 'ipv4' : 'ipv6');
  }
  return {
    cidrs,
    contains(address: string): boolean {
      const plain = unmapped(address);
      const family = isIP(plain);
      return family !== 0 && blocks.check(plain, family === 4 ? 'ipv4' : 'ipv6');
    },
  };
}

export const noTrustedProxies: TrustedProxies = parseTrustedProxies('');

/** TRUSTED_PROXIES in the gateway's config: a comma-separated CIDR list, validated at boot. */
export const trustedProxiesSetting = z
  .string()
  .default('')
  .transform((list, issue) => {
    try {
      return parseTrustedProxies(list);
    } catch (error) {
      issue.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });

function forwardedFor(req: IncomingMessage): string[] {
  const header = req.headers['x-forwarded-for'];
  const values = Array.isArray(header) ? header : header ? [header] : [];
  return values
    .join(',')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
}

/**
 * The client's address. X-Forwarded-For is read only when the peer is a trusted proxy, and then from
 * the right: each trusted hop vouches for the address to its left, so the answer is the rightmost
 * address that is not a trusted proxy. Anything a client wrote further left cannot move it (it would
 * otherwise dodge the per-IP lockout). With no trusted proxies (the default) it is the peer itself.
 */
export function clientInfoOf(req: IncomingMessage, trusted: TrustedProxies = noTrustedProxies): ClientInfo {
  const peer = req.socket.remoteAddress ? unmapped(req.socket.remoteAddress) : null;
  let address = peer;
  if (address && trusted.contains(address)) {
    const hops = forwardedFor(req);
    while (address && trusted.contains(address) && hops.length > 0) {
      const next = unmapped(hops.pop() ?? '');
      // A trusted proxy writes real addresses; garbage means we stop at the proxy itself.
      if (!isIP(next)) break;
      address = next;
    }
  }
  const userAgent = req.headers['user-agent'];
  return {
    ip: address,
    userAgent: typeof userAgent === 'string' && userAgent ? userAgent : null,
  };
}
