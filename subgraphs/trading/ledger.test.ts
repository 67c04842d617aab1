import { randomUUID } from 'node:crypto';
import { Prisma } from '../../platform/prisma';
import { recordFill } from './services/orderLedger';
import { rebuildPortfolioProjections } from './services/projectionRebuild';
import { instrumentIdOf, startTrading, viewer, type TradingHarness } from './testHarness';

const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id status } }`;
let trading: TradingHarness;
beforeAll(async () => {
  trading = await startTrading();
});
afterAll(async () => {
  await trading?.stop();
});

async function place(as: ReturnType<typeof viewer>, input: Record<string, unknown>) {
  const result = await trading.run<{ placeOrder: { id: string; status: string } }>(
    PLACE,
    { input: { side: 'BUY', type: 'MARKET', clientOrderId: randomUUID(), ...input } },
    as,
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.placeOrder;
}

const snapshot = async (portfolioId: string) => ({
  cash: (await trading.prisma.portfolio.findUniqueOrThrow({ where: { id: portfolioId } })).cashMinor,
  positions: (
    await trading.prisma.position.findMany({ where: { portfolioId }, orderBy: { instrumentId: 'asc' } })
  ).map(({ instrumentId, symbol, quantity, averagePrice, realizedPnl }) => ({
    instrumentId,
    symbol,
    quantity: quantity.toFixed(),
    averagePrice: averagePrice.toFixed(),
    realizedPnl: realizedPnl.toFixed(),
  })),
  orders: (await trading.prisma.tradeOrder.findMany({ where: { portfolioId }, orderBy: { id: 'asc' } })).map(
    ({ id, status, filledQuantity, averageFillPrice, reason }) => ({
      id,
      status,
      filled: filledQuantity.toFixed(),
      average: averageFillPrice?.toFixed() ?? null,
      reason,
    }),
  ),
});

describe('fills from the event log', () => {
  it('ignores a duplicate fill (same trade id) and records partial fills in order', async () => {
    const me = viewer('TRADER');
    const resting = await place(me, { symbol: 'DOT-USDT', type: 'LIMIT', limitPrice: '5', quantity: '3' });
    const instrumentId = instrumentIdOf('DOT-USDT');
    const fill = {
      tradeId: `venue-${randomUUID()}`,
      quantity: new Prisma.Decimal(1),
      price: new Prisma.Decimal(5),
      instrumentId,
    };
    const apply = (f: typeof fill) =>
      trading.prisma.$transaction(async (tx) =>
        recordFill(tx, await tx.tradeOrder.findUniqueOrThrow({ where: { id: resting.id } }), f),
      );
    expect((await apply(fill)).applied).toBe(true);
    const duplicate = await apply(fill);
    expect(duplicate).toMatchObject({ applied: false, reason: 'DUPLICATE' });
    const order = await trading.prisma.tradeOrder.findUniqueOrThrow({ where: { id: resting.id } });
    expect([order.status, order.filledQuantity.toFixed()]).toEqual(['PARTIALLY_FILLED', '1']);
    const position = await trading.prisma.position.findFirstOrThrow({ where: { instrumentId } });
    expect(position.quantity.toFixed()).toBe('1');
    expect(
      await trading.prisma.tradeEvent.count({ where: { orderId: resting.id, tradeId: { not: null } } }),
    ).toBe(1);
    // A fill beyond the order's quantity is refused by the state machine, not written.
    const overfill = await apply({
      ...fill,
      tradeId: `venue-${randomUUID()}`,
      quantity: new Prisma.Decimal(5),
    });
    expect(overfill).toMatchObject({ applied: false, reason: 'ILLEGAL' });
  });

  it('rebuilds identical orders, positions and cash after the projections are dropped', async () => {
    const me = viewer('TRADER');
    await trading.tick('ADA-USDT', '0.5');
    await trading.tick('LINK-USDT', '15');
    await place(me, { symbol: 'ADA-USDT', quantity: '1000' });
    await place(me, { symbol: 'LINK-USDT', quantity: '10' });
    await trading.tick('ADA-USDT', '0.62');
    await place(me, { symbol: 'ADA-USDT', quantity: '500' });
    await place(me, { symbol: 'ADA-USDT', side: 'SELL', quantity: '700' });
    await place(me, { symbol: 'LINK-USDT', side: 'SELL', type: 'LIMIT', limitPrice: '16', quantity: '4' });
    await place(me, { symbol: 'LINK-USDT', side: 'SELL', quantity: '99' }); // rejected: not held
    await trading.tick('LINK-USDT', '16.2');
    const portfolio = await trading.prisma.portfolio.findUniqueOrThrow({ where: { userId: me.userId } });
    const before = await snapshot(portfolio.id);
    expect(before.positions.map((p) => [p.symbol, p.quantity])).toEqual(
      expect.arrayContaining([
        ['ADA-USDT', '800'],
        ['LINK-USDT', '6'],
      ]),
    );

    // "Restart": the projections are gone, only the event log is left.
    await trading.prisma.position.deleteMany({ where: { portfolioId: portfolio.id } });
    await trading.prisma.tradeOrder.updateMany({
      where: { portfolioId: portfolio.id },
      data: { status: 'NEW', filledQuantity: 0, averageFillPrice: null, reason: null },
    });
    await trading.prisma.portfolio.update({ where: { id: portfolio.id }, data: { cashMinor: 0n } });
    await trading.prisma.$transaction((tx) => rebuildPortfolioProjections(tx, portfolio.id));

    expect(await snapshot(portfolio.id)).toEqual(before);
  });

  it('resets the portfolio as an event: open orders canceled, rebuild lands on the starting state', async () => {
    const me = viewer('TRADER');
    await place(me, { symbol: 'ADA-USDT', quantity: '10' });
    const open = await place(me, { symbol: 'ADA-USDT', type: 'LIMIT', limitPrice: '0.01', quantity: '10' });
    const reset = await trading.run(
      `mutation { resetPaperPortfolio { cash { amount } positions { id } } }`,
      {},
      me,
    );
    expect(reset.data).toEqual({ resetPaperPortfolio: { cash: { amount: '1000000.00' }, positions: [] } });
    const canceled = await trading.prisma.tradeOrder.findUniqueOrThrow({ where: { id: open.id } });
    expect([canceled.status, canceled.reason]).toEqual(['CANCELED', 'Portfolio reset']);
    const portfolio = await trading.prisma.portfolio.findUniqueOrThrow({ where: { userId: me.userId } });
    const before = await snapshot(portfolio.id);
    await trading.prisma.$transaction((tx) => rebuildPortfolioProjections(tx, portfolio.id));
    expect(await snapshot(portfolio.id)).toEqual(before);
  });
});
