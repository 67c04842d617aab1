import { randomUUID } from 'node:crypto';
import { codeOf, startTrading, viewer, type TradingHarness } from './testHarness';

// The one rule of platform/auth/access: another user's row asked for by id answers NOT_FOUND, exactly
// like an id that does not exist; admins may see trading rows.
const ORDER = `query($id: ID!) { tradeOrder(id: $id) { id status } }`;
const PORTFOLIO = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Portfolio { id } } }`;
const KILL_SWITCH = `mutation($userId: ID) { setKillSwitch(enabled: true, userId: $userId) { killSwitch } }`;

let trading: TradingHarness;
beforeAll(async () => {
  trading = await startTrading();
});
afterAll(async () => {
  await trading?.stop();
});

describe('another user’s trading rows', () => {
  const owner = viewer('TRADER');
  const stranger = viewer('TRADER');
  const admin = viewer('ADMIN');

  it('answer NOT_FOUND by id, the same as a missing id; admins are allowed', async () => {
    const placed = await trading.run<{ placeOrder: { id: string } }>(
      `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`,
      {
        input: {
          symbol: 'ETH-USDT',
          side: 'BUY',
          type: 'LIMIT',
          limitPrice: '1',
          quantity: '1',
          clientOrderId: randomUUID(),
        },
      },
      owner,
    );
    const id = placed.data!.placeOrder.id;

    const foreign = await trading.run(ORDER, { id }, stranger);
    const missing = await trading.run(ORDER, { id: randomUUID() }, stranger);
    expect([codeOf(foreign), codeOf(missing)]).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    expect(foreign.data).toEqual({ tradeOrder: null });

    expect((await trading.run(ORDER, { id }, owner)).data).toEqual({
      tradeOrder: { id, status: 'ACCEPTED' },
    });
    expect((await trading.run(ORDER, { id }, admin)).data).toEqual({
      tradeOrder: { id, status: 'ACCEPTED' },
    });

    const portfolio = await trading.prisma.portfolio.findUniqueOrThrow({ where: { userId: owner.userId } });
    const r = [{ __typename: 'Portfolio', id: portfolio.id }];
    expect(codeOf(await trading.run(PORTFOLIO, { r }, stranger))).toBe('NOT_FOUND');
    expect((await trading.run(PORTFOLIO, { r }, admin)).data).toEqual({ _entities: [{ id: portfolio.id }] });

    // Acting on another user's portfolio: NOT_FOUND too, and nothing changes.
    expect(codeOf(await trading.run(KILL_SWITCH, { userId: owner.userId }, stranger))).toBe('NOT_FOUND');
    const unchanged = await trading.prisma.portfolio.findUniqueOrThrow({ where: { id: portfolio.id } });
    expect(unchanged.killSwitch).toBe(false);
    expect((await trading.run(KILL_SWITCH, { userId: owner.userId }, admin)).data).toEqual({
      setKillSwitch: { killSwitch: true },
    });
  });
});
