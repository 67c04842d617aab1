import { randomUUID } from 'node:crypto';
import type { Viewer } from '../../platform/auth/viewer';
import { money } from '../../platform/money';
import { Prisma } from '../../platform/prisma';
import { toInrMinor } from './domain/paperFx';
import { startLiveTrading, type LiveTrading } from './liveTestKit';
import { rebuildPortfolioProjections } from './services/projectionRebuild';
import { instrumentIdOf, viewer } from './testHarness';

// Live holdings belong to their exchange account: never in the paper portfolio's positions or value,
// untouched by a paper reset, rebuilt from the same events, and checked against limits per account.
let kit: LiveTrading;
const trader = (): Viewer => ({ ...viewer('TRADER'), kyc: 'VERIFIED' });
const inr = (usdt: string) => money(toInrMinor('BTC-USDT', new Prisma.Decimal(usdt)), 'INR').amount;

beforeAll(async () => {
  kit = await startLiveTrading({
    RISK_MAX_POSITION_NOTIONAL_MINOR: 6_000_000n, // ₹60,000: 0.01 BTC at 50000 USDT is ₹42,500
    RISK_DAILY_LOSS_LIMIT_MINOR: 100_000n, // ₹1,000
  });
});
afterAll(() => kit?.stop());
beforeEach(async () => {
  kit.reset('50000');
  await kit.trading.tick('BTC-USDT', '50000');
});

/** A paper order (no exchange account). */
const paper = (as: Viewer, input: Record<string, unknown> = {}) =>
  kit.place({ exchangeAccountId: null, ...input }, as);

const PORTFOLIO = `{ myPortfolio { value { amount } positions { symbol quantity averagePrice unrealizedPnl
  exchangeAccount { id } } } exchangeAccounts { id positionsValue { amount currency }
  positions { symbol quantity averagePrice exchangeAccount { id } } } }`;
type Holdings = {
  myPortfolio: {
    value: { amount: string };
    positions: { symbol: string; quantity: string; exchangeAccount: { id: string } | null }[];
  };
  exchangeAccounts: {
    id: string;
    positionsValue: { amount: string; currency: string };
    positions: { symbol: string; quantity: string; averagePrice: string; exchangeAccount: { id: string } }[];
  }[];
};
const holdings = async (as: Viewer) => (await kit.trading.run<Holdings>(PORTFOLIO, {}, as)).data!;

describe('live holdings per exchange account', () => {
  it('lists live positions under their account, out of the paper positions and value', async () => {
    const me = trader();
    const account = await kit.connect(me);
    expect((await paper(me)).status).toBe('FILLED');
    expect((await kit.place({ exchangeAccountId: account, quantity: '0.006' }, me)).status).toBe('FILLED');
    expect((await kit.place({ exchangeAccountId: account, quantity: '0.004' }, me)).status).toBe('FILLED');

    const { myPortfolio, exchangeAccounts } = await holdings(me);
    // Paper: ₹10,00,000 of cash turned into 0.01 BTC marked at the price paid; nothing live counted.
    expect(myPortfolio.value.amount).toBe('1000000.00');
    expect(myPortfolio.positions).toEqual([
      {
        symbol: 'BTC-USDT',
        quantity: '0.01',
        averagePrice: '50000',
        unrealizedPnl: '0',
        exchangeAccount: null,
      },
    ]);
    expect(exchangeAccounts).toEqual([
      {
        id: account,
        positionsValue: { amount: inr('500'), currency: 'INR' },
        positions: [
          { symbol: 'BTC-USDT', quantity: '0.01', averagePrice: '50000', exchangeAccount: { id: account } },
        ],
      },
    ]);
  });

  it('keeps a paper and a live holding of one instrument as two rows, both under the real instrument', async () => {
    const me = trader();
    const account = await kit.connect(me);
    await paper(me, { quantity: '0.002' });
    await kit.place({ exchangeAccountId: account, quantity: '0.003' }, me);
    const portfolio = await kit.trading.prisma.portfolio.findUniqueOrThrow({ where: { userId: me.userId } });
    const rows = await kit.trading.prisma.position.findMany({
      where: { portfolioId: portfolio.id },
      orderBy: { venue: 'asc' },
    });
    expect(
      rows.map(({ instrumentId, venue, exchangeAccountId, quantity }) => ({
        instrumentId,
        venue,
        exchangeAccountId,
        quantity: quantity.toFixed(),
      })),
    ).toEqual([
      { instrumentId: instrumentIdOf('BTC-USDT'), venue: '', exchangeAccountId: null, quantity: '0.002' },
      {
        instrumentId: instrumentIdOf('BTC-USDT'),
        venue: account,
        exchangeAccountId: account,
        quantity: '0.003',
      },
    ]);
    // Position.instrument is a reference the supergraph resolves: it must name the real instrument.
    const INSTRUMENTS = `{ myPortfolio { positions { instrument { id } } }
      exchangeAccounts { positions { instrument { id } } } }`;
    type Instruments = {
      myPortfolio: { positions: { instrument: { id: string } }[] };
      exchangeAccounts: { positions: { instrument: { id: string } }[] }[];
    };
    const { data } = await kit.trading.run<Instruments>(INSTRUMENTS, {}, me);
    expect(data).toEqual({
      myPortfolio: { positions: [{ instrument: { id: instrumentIdOf('BTC-USDT') } }] },
      exchangeAccounts: [{ positions: [{ instrument: { id: instrumentIdOf('BTC-USDT') } }] }],
    });
  });

  it('leaves live orders and holdings alone on a paper reset, and rebuilds identical positions', async () => {
    const me = trader();
    const account = await kit.connect(me);
    await paper(me);
    await kit.place({ exchangeAccountId: account }, me);
    kit.exchange.book.setPrice('BTCUSDT', '51000');
    await kit.trading.tick('BTC-USDT', '51000');
    await kit.place({ exchangeAccountId: account, side: 'SELL', quantity: '0.005' }, me);
    const resting = await kit.place({ exchangeAccountId: account, type: 'LIMIT', limitPrice: '30000' }, me);

    const reset = await kit.trading.run(`mutation { resetPaperPortfolio { positions { id } } }`, {}, me);
    expect(reset.data).toEqual({ resetPaperPortfolio: { positions: [] } });
    const after = await holdings(me);
    expect(after.exchangeAccounts[0]!.positions.map((p) => p.quantity)).toEqual(['0.005']);
    const order = await kit.trading.prisma.tradeOrder.findUniqueOrThrow({ where: { id: resting.id } });
    expect(order.status).toBe('ACCEPTED');
    expect(kit.onExchange(resting.id)[0]!.status).toBe('NEW');

    const portfolio = await kit.trading.prisma.portfolio.findUniqueOrThrow({ where: { userId: me.userId } });
    const snapshot = async () =>
      (await kit.trading.prisma.position.findMany({ where: { portfolioId: portfolio.id } }))
        .map(({ instrumentId, symbol, quantity, averagePrice, realizedPnl, exchangeAccountId }) => ({
          instrumentId,
          symbol,
          exchangeAccountId,
          quantity: quantity.toFixed(),
          averagePrice: averagePrice.toFixed(),
          realizedPnl: realizedPnl.toFixed(),
        }))
        .sort((a, b) => a.instrumentId.localeCompare(b.instrumentId));
    const before = await snapshot();
    expect(before).toEqual([expect.objectContaining({ exchangeAccountId: account, realizedPnl: '5' })]);
    await kit.trading.prisma.$transaction((tx) => rebuildPortfolioProjections(tx, portfolio.id));
    expect(await snapshot()).toEqual(before);
    const cash = await kit.trading.prisma.portfolio.findUniqueOrThrow({ where: { id: portfolio.id } });
    expect(cash.cashMinor).toBe(portfolio.cashMinor);
  });

  it('checks the position limit against the account’s own holding, not the paper one', async () => {
    const me = trader();
    const account = await kit.connect(me);
    expect((await paper(me)).status).toBe('FILLED'); // paper holds ₹42,500 of BTC
    expect((await kit.place({ exchangeAccountId: account }, me)).status).toBe('FILLED');
    const second = await kit.place({ exchangeAccountId: account }, me);
    expect(second.status).toBe('REJECTED');
    expect(second.reason).toMatch(/Position would be ₹85000.00, above the maximum of ₹60000.00/);
    expect(kit.onExchange(second.id)).toHaveLength(0);
    // Another account of the same user starts from its own (empty) holding.
    const other = await kit.connect(me);
    expect((await kit.place({ exchangeAccountId: other }, me)).status).toBe('FILLED');
  });

  it('stops an account at its daily loss limit while paper and other accounts trade on', async () => {
    const me = trader();
    const account = await kit.connect(me);
    const other = await kit.connect(me);
    await kit.place({ exchangeAccountId: account }, me);
    kit.exchange.book.setPrice('BTCUSDT', '49000');
    await kit.trading.tick('BTC-USDT', '49000');
    // Sold 0.01 at 1000 USDT below cost: a ₹850 loss, under the ₹1,000 limit.
    await kit.place({ exchangeAccountId: account, side: 'SELL' }, me);
    await kit.place({ exchangeAccountId: account }, me);
    kit.exchange.book.setPrice('BTCUSDT', '48000');
    await kit.trading.tick('BTC-USDT', '48000');
    await kit.place({ exchangeAccountId: account, side: 'SELL' }, me); // ₹1,700 lost today
    const refused = await kit.place({ exchangeAccountId: account, clientOrderId: randomUUID() }, me);
    expect(refused.status).toBe('REJECTED');
    expect(refused.reason).toMatch(/Daily loss limit of ₹1000.00 reached/);
    expect((await kit.place({ exchangeAccountId: other }, me)).status).toBe('FILLED');
    expect((await paper(me)).status).toBe('FILLED');
  });
});
