import { randomUUID } from 'node:crypto';
import type { Viewer } from '../../platform/auth/viewer';
import { codeOf, startTrading, viewer, type TradingHarness } from './testHarness';

const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id status reason } }`;
const KILL = `mutation($enabled: Boolean!, $userId: ID) { setKillSwitch(enabled: $enabled, userId: $userId) { killSwitch } }`;
const CONNECT = `mutation($input: ConnectExchangeAccountInput!) { connectExchangeAccount(input: $input) { id } }`;

let trading: TradingHarness;
beforeAll(async () => {
  // Small limits so each check is easy to cross: ₹10,000 per order, ₹15,000 per instrument, ₹2,000 a day.
  trading = await startTrading({
    RISK_MAX_ORDER_NOTIONAL_MINOR: 1_000_000n,
    RISK_MAX_POSITION_NOTIONAL_MINOR: 1_500_000n,
    RISK_DAILY_LOSS_LIMIT_MINOR: 200_000n,
  });
  await trading.tick('RSK-USDT', '10'); // 1 unit = ₹850
});
afterAll(async () => {
  await trading?.stop();
});

async function place(as: Viewer, input: Record<string, unknown>) {
  const result = await trading.run<{ placeOrder: { id: string; status: string; reason: string | null } }>(
    PLACE,
    {
      input: {
        symbol: 'RSK-USDT',
        side: 'BUY',
        type: 'MARKET',
        quantity: '1',
        clientOrderId: randomUUID(),
        ...input,
      },
    },
    as,
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.placeOrder;
}

const rejectedFor = async (id: string) => {
  const order = await trading.prisma.tradeOrder.findUniqueOrThrow({ where: { id } });
  const events = await trading.prisma.tradeEvent.findMany({
    where: { orderId: id },
    orderBy: { sequence: 'asc' },
  });
  return { status: order.status, reason: order.reason, events: events.map((e) => [e.type, e.reason]) };
};

describe('pre-trade risk through the API', () => {
  it('stores a refused order as REJECTED with the reason, in its events too', async () => {
    const order = await place(viewer('TRADER'), { quantity: '12' });
    expect(order).toMatchObject({
      status: 'REJECTED',
      reason: 'Order notional ₹10200.00 exceeds the maximum of ₹10000.00',
    });
    expect(await rejectedFor(order.id)).toEqual({
      status: 'REJECTED',
      reason: order.reason,
      events: [
        ['NEW', null],
        ['REJECTED', order.reason],
      ],
    });
  });

  it('caps the position per instrument across orders', async () => {
    const me = viewer('TRADER');
    expect((await place(me, { quantity: '11' })).status).toBe('FILLED'); // ₹9,350
    const second = await place(me, { quantity: '7' }); // would be 18 units = ₹15,300
    expect(second).toMatchObject({
      status: 'REJECTED',
      reason: expect.stringMatching(/Position would be ₹15300.00/),
    });
  });

  it('stops a user at the daily loss limit', async () => {
    const me = viewer('TRADER');
    await place(me, { quantity: '10' });
    await trading.tick('RSK-USDT', '7.5'); // selling 10 realizes -25 USDT = -₹2,125
    expect((await place(me, { side: 'SELL', quantity: '10' })).status).toBe('FILLED');
    const next = await place(me, { quantity: '1' });
    expect(next.reason).toMatch(/Daily loss limit of ₹2000.00 reached/);
    await trading.tick('RSK-USDT', '10');
  });

  it('has a kill switch the user and an ADMIN can set, and no one else', async () => {
    const me = viewer('TRADER');
    expect((await trading.run(KILL, { enabled: true }, me)).data).toEqual({
      setKillSwitch: { killSwitch: true },
    });
    expect((await place(me, {})).reason).toMatch(/Kill switch is on/);
    // Another user's portfolio is reported as missing (platform/auth/access).
    expect(codeOf(await trading.run(KILL, { enabled: false, userId: me.userId }, viewer('TRADER')))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await trading.run(KILL, { enabled: false }))).toBe('UNAUTHENTICATED');
    const admin = viewer('ADMIN');
    expect((await trading.run(KILL, { enabled: false, userId: me.userId }, admin)).data).toEqual({
      setKillSwitch: { killSwitch: false },
    });
    expect((await place(me, {})).status).toBe('FILLED');
    await trading.run(KILL, { enabled: true, userId: me.userId }, admin);
    expect((await place(me, {})).status).toBe('REJECTED');
  });

  it('needs verified KYC for a live exchange account', async () => {
    const me: Viewer = { ...viewer('TRADER'), kyc: 'PENDING' };
    const connected = await trading.run<{ connectExchangeAccount: { id: string } }>(
      CONNECT,
      {
        input: {
          // An exchange not wired for live trading: refused without any network call.
          exchange: 'kraken',
          label: 'main',
          apiKey: 'KEY-1234567890',
          apiSecret: 'SECRET-abcdefghij',
        },
      },
      me,
    );
    const exchangeAccountId = connected.data!.connectExchangeAccount.id;
    expect((await place(me, { exchangeAccountId })).reason).toBe('Live exchange accounts need verified KYC');
    const verified = await place({ ...me, kyc: 'VERIFIED' }, { exchangeAccountId });
    expect(verified).toMatchObject({ status: 'REJECTED', reason: 'Live trading on kraken is not supported' });
    // Someone else's account cannot be traded on (or even confirmed to exist).
    const other = await trading.run(
      PLACE,
      {
        input: {
          symbol: 'RSK-USDT',
          side: 'BUY',
          type: 'MARKET',
          quantity: '1',
          clientOrderId: 'x1',
          exchangeAccountId,
        },
      },
      viewer('TRADER'),
    );
    expect(codeOf(other)).toBe('NOT_FOUND');
  });
});
