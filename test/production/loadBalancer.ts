import { once } from 'node:events';
import { connect, createServer, type Socket } from 'node:net';
import { releasedAfterFile } from '../support/resources';

/**
 * What a Kubernetes Service does for replicas of one subgraph, on one machine: a TCP round-robin over
 * the replicas' ports that skips a replica refusing connections (killed), so the gateway keeps one URL
 * per subgraph however many replicas run behind it.
 */
export async function startLoadBalancer(host: string, backends: number[], port = 0) {
  let next = 0;
  const sockets = new Set<Socket>();

  function pipeTo(client: Socket, attempt: number): void {
    if (attempt >= backends.length) {
      client.destroy();
      return;
    }
    const backendPort = backends[next++ % backends.length]!;
    const upstream = connect(backendPort, host);
    sockets.add(upstream);
    upstream.once('close', () => sockets.delete(upstream));
    upstream.once('connect', () => {
      upstream.removeAllListeners('error');
      upstream.on('error', () => client.destroy());
      client.pipe(upstream).pipe(client);
      client.once('close', () => upstream.destroy());
      upstream.once('close', () => client.destroy());
    });
    // Refused: that replica is down, try the next one.
    upstream.once('error', () => pipeTo(client, attempt + 1));
  }

  const server = createServer((client) => {
    sockets.add(client);
    client.once('close', () => sockets.delete(client));
    // Held until a replica accepts; pipe() resumes it.
    client.pause();
    client.on('error', () => client.destroy());
    pipeTo(client, 0);
  });
  server.listen(port, host);
  await once(server, 'listening');
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('load balancer has no port');
  return {
    url: `http://${host}:${address.port}`,
    stop: releasedAfterFile(`load balancer ${address.port}`, async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }),
  };
}
