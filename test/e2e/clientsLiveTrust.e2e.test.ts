import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startClientsStack, type ClientsStack } from './clientsHarness';

// Trusted documents on the live path: with enforcement on, graphql-ws subscribe messages obey the
// same manifest as HTTP requests (the SDK's own subscriptions are covered in clients.e2e.test.ts).
describe('trusted documents over graphql-ws', () => {
  let env: ClientsStack;
  let socket: Client;

  beforeAll(async () => {
    env = await startClientsStack();
    const premium = await env.signedIn('premium');
    const { accessToken } = premium.session.current()!;
    socket = createClient({
      url: env.stack.gatewayUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${accessToken}` },
      retryAttempts: 0,
    });
  }, 180_000);

  afterAll(async () => {
    await socket?.dispose();
    await env?.stop();
  });

  /** The error code the gateway answers a subscribe message with (it never sends data for these). */
  function refusal(payload: { query: string; extensions?: Record<string, unknown> }): Promise<unknown> {
    return new Promise((resolve) => {
      socket.subscribe(payload, {
        next: (result) => resolve(result.errors?.[0]?.extensions?.code ?? 'data'),
        error: (errors) => resolve((errors as { extensions?: { code?: string } }[])[0]?.extensions?.code),
        complete: () => resolve('complete'),
      });
    });
  }

  it('refuses an ad-hoc subscription document', async () => {
    expect(await refusal({ query: 'subscription { signalPublished { id } }' })).toBe('OPERATION_NOT_TRUSTED');
  });

  it('refuses an unknown document id', async () => {
    expect(
      await refusal({
        query: 'subscription { signalPublished { id } }',
        extensions: { documentId: `sha256:${'0'.repeat(64)}` },
      }),
    ).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});
