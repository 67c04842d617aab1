import type { IncomingMessage } from 'node:http';
import type { ClientInfo } from '../../platform/auth/viewer';

/**
 * The peer address, never X-Forwarded-For: a client could write any address there and dodge per-IP
 * lockout. Behind a load balancer, its proxy-protocol or a trusted-hop setting belongs here.
 */
export function clientInfoOf(req: IncomingMessage): ClientInfo {
  const address = req.socket.remoteAddress ?? null;
  const userAgent = req.headers['user-agent'];
  return {
    ip: address?.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address,
    userAgent: typeof userAgent === 'string' && userAgent ? userAgent : null,
  };
}
