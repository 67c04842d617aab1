// Trading's demo history for the admin dashboard: four weeks of paper round trips (a buy, then a sell a
// day or two later at a gain or a loss) by the history users who trade. Written through trading's own
// ledger (events, then projections), then dated back. Fixed clientOrderIds: a second run adds nothing.
import { TradingLiveTopics } from '../../platform/events/topics';
import { Prisma, type PrismaClient } from '../../platform/prisma';
import { appendStatusEvent, recordFill } from '../../subgraphs/trading/services/orderLedger';
import { openPortfolio } from '../../subgraphs/trading/services/portfolios';
import { historyUserId, HISTORY_USERS } from './seedIdentityHistory';
import { instruments } from './market';

const DAY_MS = 86_400_000;
const SYMBOLS = ['BTC-USDT', 'ETH-USDT', 'SOL-USDT', 'NSE:RELIANCE', 'NSE:TCS', 'NSE:INFY'] as const;
/** Units bought per round trip, so each buy is a few tens of thousands of rupees. */
const QUANTITY: Record<(typeof SYMBOLS)[number], string> = {
  'BTC-USDT': '0.01',
  'ETH-USDT': '0.2',
  'SOL-USDT': '4',
  'NSE:RELIANCE': '10',
  'NSE:TCS': '8',
  'NSE:INFY': '20',
};

async function placeFilled(
  prisma: PrismaClient,
  userId: string,
  clientOrderId: string,
  symbol: (typeof SYMBOLS)[number],
  side: 'BUY' | 'SELL',
  price: Prisma.Decimal,
  at: Date,
): Promise<void> {
  const exists = await prisma.tradeOrder.findUnique({
    where: { userId_clientOrderId: { userId, clientOrderId } },
  });
  if (exists) return;
  const instrument = instruments.find((i) => i.symbol === symbol)!;
  const quantity = new Prisma.Decimal(QUANTITY[symbol]);
  await prisma.$transaction(async (tx) => {
    await openPortfolio(tx, userId);
    const portfolio = await tx.portfolio.findUniqueOrThrow({ where: { userId } });
    const terms = { symbol, side, type: 'MARKET', quantity };
    let order = await tx.tradeOrder.create({
      data: {
        portfolioId: portfolio.id,
        userId,
        clientOrderId,
        inputHash: clientOrderId,
        status: 'NEW',
        ...terms,
      },
    });
    await tx.tradeEvent.create({
      data: {
        portfolioId: portfolio.id,
        orderId: order.id,
        type: 'NEW',
        symbol,
        instrumentId: instrument.id,
        side,
        quantity,
      },
    });
    order = await appendStatusEvent(tx, order, { type: 'ACCEPTED' });
    await recordFill(tx, order, {
      tradeId: `seed:${clientOrderId}`,
      quantity,
      price,
      instrumentId: instrument.id,
    });
    await tx.tradeOrder.update({ where: { id: order.id }, data: { createdAt: at } });
    await tx.tradeEvent.updateMany({ where: { orderId: order.id }, data: { occurredAt: at } });
    // History, not news: no live orderUpdated/positionUpdated for these (the ledger announced them).
    await tx.tradingOutboxEvent.deleteMany({
      where: { key: userId, topic: TradingLiveTopics.entityUpdated, publishedAt: null },
    });
  });
}

/** Round trips of every third history user (the traders), spread over the 28 days before `now`. */
export async function seedTradingHistory(prisma: PrismaClient, now: Date): Promise<number> {
  let orders = 0;
  for (let i = 0; i < HISTORY_USERS; i += 3) {
    const userId = historyUserId(i);
    for (let r = 0; r < 2 + (i % 4); r += 1) {
      const symbol = SYMBOLS[(i + r) % SYMBOLS.length]!;
      const base = instruments.find((x) => x.symbol === symbol)!.startPrice;
      const boughtAt = new Date(now.getTime() - (((i * 3 + r * 7) % 25) + 3) * DAY_MS + r * 3_600_000);
      const soldAt = new Date(boughtAt.getTime() + (1 + (r % 2)) * DAY_MS);
      // Between -6% and +8%: some users end the month ahead, some behind.
      const move = (((i * 7 + r * 11) % 15) - 6) / 100;
      const buy = new Prisma.Decimal(base).mul(1 + ((i + r) % 5) / 100).toDecimalPlaces(2);
      const sell = buy.mul(1 + move).toDecimalPlaces(2);
      await placeFilled(prisma, userId, `seed-${i}-${r}-buy`, symbol, 'BUY', buy, boughtAt);
      await placeFilled(prisma, userId, `seed-${i}-${r}-sell`, symbol, 'SELL', sell, soldAt);
      orders += 2;
    }
  }
  return orders;
}
