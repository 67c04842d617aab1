import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import { repoRoot } from '../../platform/topology';
import { DEMO_PASSWORD } from '../../prisma/seed/data';
import { createSeededTestDatabase, type TestDatabase } from '../support/database';
import { eventually } from '../support/env';
import { expectData, postGraphQL } from '../support/graphqlClient';
import { liveClient, type LiveClient } from '../support/liveSignalsClient';
import { startTestStack, type TestStack } from '../support/testStack';

// Every GraphQL example of the README, run as written against the seeded supergraph: each must answer
// without errors. The README says who runs each (the demo account or anonymous); the table below
// records it per example, and an example missing from it fails, so a new one gets a decision.
const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);

/** First root field of an example → who runs it (a demo account's email, or null: anonymous). */
const runAs: Record<string, string | null> = {
  login: null,
  me: 'premium@demo.test',
  courses: null,
  register: null,
  marketTick: 'analyst@demo.test',
  publishSignal: 'analyst@demo.test',
  signalPublished: 'premium@demo.test',
  requestPasswordReset: null,
  resetPassword: null,
};

const firstField = (document: string) => /\{\s*(\w+)/.exec(document)?.[1] ?? '';

describe('the README examples', () => {
  let db: TestDatabase;
  let stack: TestStack;
  const tokens = new Map<string, string>();
  const sockets: LiveClient[] = [];

  beforeAll(async () => {
    db = await createSeededTestDatabase();
    stack = await startTestStack(db, 'e2e-readme');
  }, 120_000);

  afterAll(async () => {
    for (const socket of sockets) await socket.dispose();
    await stack?.stop();
    await db?.drop();
  });

  async function headersOf(email: string | null): Promise<Record<string, string>> {
    if (!email) return {};
    if (!tokens.has(email)) {
      const { login } = await expectData<{ login: { accessToken: string } }>(
        stack.gatewayUrl,
        'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
        { input: { email, password: DEMO_PASSWORD } },
      );
      tokens.set(email, login.accessToken);
    }
    return { authorization: `Bearer ${tokens.get(email)}` };
  }

  /** The reset link's token from the email the previous example asked for (the Postmark emulator). */
  async function resetToken(email: string): Promise<string> {
    const messages = await eventually(
      async () => {
        const response = await fetch(`${stack.postmark!.messagesUrl}?to=${encodeURIComponent(email)}`);
        const list = (await response.json()) as { TextBody: string | null }[];
        return list.length ? list : undefined;
      },
      20_000,
      'the reset email',
    );
    return /reset-password\?token=([A-Za-z0-9_-]+)/.exec(messages.at(-1)!.TextBody ?? '')![1]!;
  }

  it('are all listed with who runs them', () => {
    expect(examples.length).toBeGreaterThan(5);
    expect(examples.map(firstField).filter((field) => !(field in runAs))).toEqual([]);
  });

  it('answer without errors, in the order the README gives them', async () => {
    for (const [index, example] of examples.entries()) {
      const field = firstField(example);
      const headers = await headersOf(runAs[field] ?? null);
      if (example.trimStart().startsWith('subscription')) {
        // A live example: subscribed, then the example before it (the publication) run again.
        const socket = liveClient(stack.gatewayUrl, headers.authorization?.slice('Bearer '.length));
        sockets.push(socket);
        const live = socket.subscribe<Record<string, unknown>>(example);
        const trigger = examples[index - 1]!;
        const received = await eventually(
          async () => {
            await expectData(
              stack.gatewayUrl,
              trigger,
              {},
              await headersOf(runAs[firstField(trigger)] ?? null),
            );
            return eventually(async () => live.messages[0], 2_000, 'the live event').catch(() => undefined);
          },
          20_000,
          `the live event of README example ${index + 1}`,
        );
        expect({ example: index + 1, errors: received.errors ?? [], failures: live.failures }).toEqual({
          example: index + 1,
          errors: [],
          failures: [],
        });
        continue;
      }
      // The one placeholder: a reset link's token, read from the email as a user would.
      const document = example.includes('<token from the email>')
        ? example.replace('<token from the email>', await resetToken('free@demo.test'))
        : example;
      const result = await postGraphQL(stack.gatewayUrl, document, {}, headers);
      expect({ example: index + 1, field, errors: result.errors ?? [] }).toEqual({
        example: index + 1,
        field,
        errors: [],
      });
    }
  }, 120_000);

  it('include the SDK quickstart, which is the file the README names and runs as it says, ending by itself', async () => {
    const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    const file = path.join(repoRoot, 'clients/sdk/examples/quickstart.ts');
    expect(block).toBe(readFileSync(file, 'utf8'));
    expect(readme).toContain('`npx tsx clients/sdk/examples/quickstart.ts`');
    // The README's command, against this stack instead of localhost:4000; a hang fails on the timeout.
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'clients/sdk/examples/quickstart.ts'], {
      cwd: repoRoot,
      env: { ...process.env, API_URL: stack.gatewayUrl },
      timeout: 60_000,
    });
    expect(stdout).toContain('signed in as Kavya Reddy (demo analyst) (ENTERPRISE)');
    expect(stdout).toContain('the KYC queue is for SUPPORT and ADMIN');
    expect(stdout).toMatch(/received signal #\d+: BUY BTC-USDT at \d/);
  }, 90_000);
});
