import { codeOf, startTrading, viewer, type TradingHarness } from './testHarness';

const API_KEY = 'AKIA-live-key-0001-WXYZ';
const API_SECRET = 'sEcReT-9f8e7d6c5b4a-do-not-leak';
const FIELDS = `id exchange label apiKeyFingerprint apiKeyLast4 status`;
const CONNECT = `mutation($input: ConnectExchangeAccountInput!) { connectExchangeAccount(input: $input) { ${FIELDS} } }`;

let trading: TradingHarness;
beforeAll(async () => {
  trading = await startTrading({ TRADING_DATA_KEY: 'k'.repeat(40) });
});
afterAll(async () => {
  await trading?.stop();
});

describe('exchange accounts', () => {
  const me = viewer('TRADER');

  it('never returns or stores the API secret (or key) in the clear', async () => {
    const connected = await trading.run<{ connectExchangeAccount: Record<string, string> }>(
      CONNECT,
      { input: { exchange: 'Binance', label: 'Main', apiKey: API_KEY, apiSecret: API_SECRET } },
      me,
    );
    expect(connected.errors).toBeUndefined();
    const account = connected.data!.connectExchangeAccount;
    expect(account).toEqual({
      id: expect.any(String),
      exchange: 'binance',
      label: 'Main',
      apiKeyFingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
      apiKeyLast4: 'WXYZ',
      status: 'CONNECTED',
    });
    const listed = await trading.run(`{ exchangeAccounts { ${FIELDS} } }`, {}, me);
    const everything = JSON.stringify([connected, listed]);
    expect(everything).not.toContain(API_SECRET);
    expect(everything).not.toContain(API_KEY);

    // Every column of the row, as Postgres returns it, cast to text.
    const [row] = await trading.prisma.$queryRawUnsafe<{ row: string }[]>(
      'SELECT t::text AS row FROM trading.exchange_account t WHERE id = $1::uuid',
      account.id,
    );
    expect(row!.row).not.toContain(API_SECRET);
    expect(row!.row).not.toContain(API_KEY);
    expect(row!.row).not.toContain('do-not-leak');
    // The sealed value is AES-256-GCM: iv.tag.ciphertext, different each time.
    const stored = await trading.prisma.exchangeAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect(stored.apiSecretSealed.split('.')).toHaveLength(3);
  });

  it('fingerprints the same key the same way, lists only the owner’s accounts, and disconnects', async () => {
    const again = await trading.run<{ connectExchangeAccount: { id: string; apiKeyFingerprint: string } }>(
      CONNECT,
      { input: { exchange: 'kraken', label: 'Second', apiKey: API_KEY, apiSecret: 'another-secret-123' } },
      me,
    );
    const mine = await trading.run<{ exchangeAccounts: { apiKeyFingerprint: string }[] }>(
      `{ exchangeAccounts { apiKeyFingerprint } }`,
      {},
      me,
    );
    expect(new Set(mine.data!.exchangeAccounts.map((a) => a.apiKeyFingerprint)).size).toBe(1);
    expect((await trading.run(`{ exchangeAccounts { id } }`, {}, viewer('TRADER'))).data).toEqual({
      exchangeAccounts: [],
    });
    const DISCONNECT = `mutation($id: ID!) { disconnectExchangeAccount(id: $id) { status } }`;
    const id = again.data!.connectExchangeAccount.id;
    expect(codeOf(await trading.run(DISCONNECT, { id }, viewer('TRADER')))).toBe('NOT_FOUND');
    expect((await trading.run(DISCONNECT, { id }, me)).data).toEqual({
      disconnectExchangeAccount: { status: 'DISCONNECTED' },
    });
    const row = await trading.prisma.exchangeAccount.findUniqueOrThrow({ where: { id } });
    expect([row.apiKeySealed, row.apiSecretSealed]).toEqual(['', '']);
  });

  it('validates the input', async () => {
    const bad = await trading.run(
      CONNECT,
      { input: { exchange: 'binance', label: 'x', apiKey: 'short', apiSecret: API_SECRET } },
      me,
    );
    expect([codeOf(bad), bad.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'apiKey']);
    // The message must not echo what was sent.
    expect(JSON.stringify(bad)).not.toContain(API_SECRET);
    expect(
      codeOf(
        await trading.run(CONNECT, {
          input: { exchange: 'binance', label: 'x', apiKey: API_KEY, apiSecret: API_SECRET },
        }),
      ),
    ).toBe('UNAUTHENTICATED');
  });
});
