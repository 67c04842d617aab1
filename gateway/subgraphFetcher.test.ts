import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { VIEWER_CLIENT_HEADER, VIEWER_HEADER } from '../platform/auth/viewer';
import { createSubgraphFetcher } from './subgraphFetcher';

// A stand-in subgraph that answers slowly, so concurrent calls overlap, and counts what reaches it.
describe('subgraph fetcher', () => {
  let server: Server;
  let url: string;
  const received: { viewer: string | undefined; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ viewer: req.headers[VIEWER_HEADER] as string | undefined, body });
        const answer = JSON.stringify({
          data: { call: received.length, viewer: req.headers[VIEWER_HEADER] },
        });
        setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(answer), 50);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });

  beforeEach(() => {
    received.length = 0;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const query = JSON.stringify({ query: 'query Me__identity__0{me{id}}', variables: {} });
  const headersFor = (viewer: string, correlationId: string) => ({
    'content-type': 'application/json',
    [VIEWER_HEADER]: viewer,
    [VIEWER_CLIENT_HEADER]: 'client',
    'x-correlation-id': correlationId,
  });

  it('shares one subgraph call between identical concurrent reads of the same viewer', async () => {
    const fetcher = createSubgraphFetcher();
    const responses = await Promise.all(
      ['a', 'b', 'c'].map((id) =>
        fetcher(url, { method: 'POST', headers: headersFor('alice', id), body: query }),
      ),
    );
    const bodies = await Promise.all(responses.map((response) => response.json() as Promise<unknown>));
    expect(received).toHaveLength(1);
    expect(bodies).toEqual([
      { data: { call: 1, viewer: 'alice' } },
      { data: { call: 1, viewer: 'alice' } },
      { data: { call: 1, viewer: 'alice' } },
    ]);
    expect(responses.every((response) => response.ok && response.status === 200)).toBe(true);
  });

  it("never hands one viewer's answer to another", async () => {
    const fetcher = createSubgraphFetcher();
    const [alice, bob] = await Promise.all(
      ['alice', 'bob'].map((viewer) =>
        fetcher(url, { method: 'POST', headers: headersFor(viewer, viewer), body: query }),
      ),
    );
    expect(received.map((request) => request.viewer).sort()).toEqual(['alice', 'bob']);
    expect(await alice!.json()).toMatchObject({ data: { viewer: 'alice' } });
    expect(await bob!.json()).toMatchObject({ data: { viewer: 'bob' } });
  });

  it('sends every mutation, and a read again once the first one has answered', async () => {
    const fetcher = createSubgraphFetcher();
    const mutation = JSON.stringify({ query: 'mutation Enroll__learning__0{enroll(courseId:"x"){id}}' });
    await Promise.all(
      [1, 2].map((i) =>
        fetcher(url, { method: 'POST', headers: headersFor('alice', `m${i}`), body: mutation }),
      ),
    );
    expect(received).toHaveLength(2);
    await fetcher(url, { method: 'POST', headers: headersFor('alice', 'r1'), body: query });
    await fetcher(url, { method: 'POST', headers: headersFor('alice', 'r2'), body: query });
    expect(received).toHaveLength(4);
  });
});
