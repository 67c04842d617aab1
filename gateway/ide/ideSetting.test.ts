import { gatewayConfigSchema, ideEnabled } from '../config';
import { createGatewayServer, type GatewayServer } from '../server';
import { createLivePubSub, type LivePubSub } from '../../platform/pubsub';
import { testGatewaySecret, testLogger } from '../../test/support/env';

// The gateway alone (no subgraph is called): the IDE routes answer before any query planning.
async function startGateway(env: Record<string, string>) {
  const config = gatewayConfigSchema.parse({
    GATEWAY_SECRET: testGatewaySecret,
    RESPONSE_CACHE: 'off',
    RATE_LIMITS: 'off',
    ...env,
  });
  const pubsub: LivePubSub = createLivePubSub(undefined);
  const gateway: GatewayServer = createGatewayServer(config, testLogger, { pubsub });
  const url = await gateway.start(0, '127.0.0.1');
  return {
    base: url.replace(/\/graphql$/, ''),
    async stop() {
      await gateway.stop();
      await pubsub.close();
    },
  };
}

async function get(url: string): Promise<{ status: number; type: string; body: string }> {
  const res = await fetch(url, { headers: { accept: 'text/html' } });
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
}

describe('IDE setting', () => {
  it('is on by default and off with NODE_ENV=production unless IDE=on', () => {
    expect(ideEnabled({ NODE_ENV: 'development', IDE: undefined })).toBe(true);
    expect(ideEnabled({ NODE_ENV: 'production', IDE: undefined })).toBe(false);
    expect(ideEnabled({ NODE_ENV: 'production', IDE: 'on' })).toBe(true);
    expect(ideEnabled({ NODE_ENV: 'development', IDE: 'off' })).toBe(false);
  });
});

describe('gateway with NODE_ENV=production', () => {
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  beforeAll(async () => {
    gateway = await startGateway({ NODE_ENV: 'production' });
  });
  afterAll(() => gateway.stop());

  it('serves no IDE page, no IDE assets and no landing page on GET /graphql', async () => {
    const page = await get(`${gateway.base}/`);
    expect(page.status).toBe(404);
    expect(page.body).not.toContain('graphiql');
    expect((await get(`${gateway.base}/ide/graphiql.min.js`)).status).toBe(404);
    const graphqlPage = await get(`${gateway.base}/graphql`);
    expect(graphqlPage.type).not.toMatch(/text\/html/);
    expect(graphqlPage.body).not.toMatch(/sandbox|graphiql/i);
  });
});

describe('gateway with NODE_ENV=production and IDE=on', () => {
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  beforeAll(async () => {
    gateway = await startGateway({ NODE_ENV: 'production', IDE: 'on' });
  });
  afterAll(() => gateway.stop());

  it('serves the GraphiQL page at / and its assets', async () => {
    const page = await get(`${gateway.base}/`);
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/^text\/html/);
    expect(page.body).toContain('graphiql.min.js');
    expect((await get(`${gateway.base}/ide/graphiql.min.js`)).status).toBe(200);
  });
});

describe('gateway in development (npm start)', () => {
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  beforeAll(async () => {
    gateway = await startGateway({});
  });
  afterAll(() => gateway.stop());

  it('serves the GraphiQL page at / and no third-party landing page on GET /graphql', async () => {
    expect((await get(`${gateway.base}/`)).status).toBe(200);
    const graphqlPage = await get(`${gateway.base}/graphql`);
    expect(graphqlPage.type).not.toMatch(/text\/html/);
    expect(graphqlPage.body).not.toMatch(/sandbox/i);
  });
});
