import { Prisma, type TransactionClient } from '../../../platform/prisma';
import type { SignalFollow } from '../../../platform/prisma/generated/client';
import type { SignalPublishedPayload, SignalSourceFields } from '../../../platform/events/topics';
import { paperFxRates, quoteCurrencyOf } from '../domain/paperFx';
import { validateOrderInput } from './orderInput';
import { lockedPortfolioOf, placeOrderInTransaction } from './orderPlacement';
import { sourceKey } from './signalFollows';
import type { TradingServiceDeps } from './tradingDeps';

/** Quantity for one follower, rounded down to 8 decimals; null when it comes to nothing. */
async function quantityFor(
  tx: TransactionClient,
  follow: SignalFollow,
  signal: SignalPublishedPayload,
  price: Prisma.Decimal,
): Promise<Prisma.Decimal | null> {
  if (follow.sizing === 'FIXED_QUANTITY') return follow.sizingValue;
  const portfolio = await lockedPortfolioOf(tx, follow.userId);
  const share = follow.sizingValue.div(100);
  let quantity: Prisma.Decimal;
  if (signal.side === 'BUY') {
    const rate = paperFxRates[quoteCurrencyOf(signal.symbol)] ?? new Prisma.Decimal(1);
    const cash = new Prisma.Decimal(portfolio.cashMinor.toString()).div(100);
    quantity = cash.mul(share).div(price.mul(rate));
  } else {
    const held = await tx.position.findMany({
      where: { portfolioId: portfolio.id, symbol: signal.symbol, exchangeAccountId: null },
    });
    quantity = held.reduce((sum, p) => sum.add(p.quantity), new Prisma.Decimal(0)).mul(share);
  }
  const rounded = quantity.toDecimalPlaces(8, Prisma.Decimal.ROUND_DOWN);
  return rounded.gt(0) ? rounded : null;
}

/**
 * Following is a paid feature, and a tier can drop after the follow was made: every signal re-checks
 * the follower's tier (trading's copy, kept from billing's subscription.changed). A FREE follower gets
 * no order; the skip is recorded with its reason, once per (follow, signal). A follower with no tier
 * on record yet keeps the tier checked when they followed.
 */
async function skippedForTier(tx: TransactionClient, follow: SignalFollow, signalId: string) {
  const tier = await tx.tradingUserTier.findUnique({ where: { userId: follow.userId } });
  if (tier?.tier !== 'FREE') return false;
  await tx.signalCopySkip.createMany({
    data: [
      {
        followId: follow.id,
        signalId,
        userId: follow.userId,
        reason: 'Follower is on the FREE tier: copying signals needs PREMIUM or ENTERPRISE',
      },
    ],
    skipDuplicates: true,
  });
  return true;
}

/**
 * One paper market order per active follower of the signal's source, in the inbox transaction.
 * The (followId, signalId) unique key makes it once even if the signal is published again under
 * another event id; the portfolio lock taken first serialises the check with the insert.
 */
export async function copySignalToFollowers(
  tx: TransactionClient,
  deps: TradingServiceDeps,
  signal: SignalPublishedPayload & SignalSourceFields,
): Promise<number> {
  // HOLD and EXIT are advice without an entry: nothing to copy.
  if (signal.side !== 'BUY' && signal.side !== 'SELL') return 0;
  const side = signal.side;
  // The signal's own source when the event names it: an analyst's free-form strategy label must not
  // reach the followers of a strategy that happens to share the name. Older events: both, as before.
  const sources = signal.source
    ? [sourceKey(signal.source.kind, signal.source.key)]
    : [
        ...(signal.strategy ? [sourceKey('STRATEGY', signal.strategy)] : []),
        ...(signal.authorId ? [sourceKey('ANALYST', signal.authorId)] : []),
      ];
  if (sources.length === 0) return 0;
  const follows = await tx.signalFollow.findMany({ where: { source: { in: sources }, active: true } });
  let placed = 0;
  for (const follow of follows) {
    if (await skippedForTier(tx, follow, signal.signalId)) continue;
    await lockedPortfolioOf(tx, follow.userId);
    const done = await tx.tradeOrder.findUnique({
      where: { followId_signalId: { followId: follow.id, signalId: signal.signalId } },
    });
    if (done) continue;
    const price = deps.ticks.latest(signal.symbol)?.price ?? new Prisma.Decimal(signal.price);
    const quantity = await quantityFor(tx, follow, signal, price);
    if (!quantity) continue;
    const request = validateOrderInput({
      symbol: signal.symbol,
      side,
      type: 'MARKET',
      quantity: quantity.toFixed(),
      clientOrderId: `sig:${signal.signalId}:${follow.id.slice(0, 8)}`,
    });
    // The follower's KYC is not known here, and does not matter: follows trade on paper only.
    await placeOrderInTransaction(tx, deps, { userId: follow.userId, kyc: undefined }, request, {
      followId: follow.id,
      signalId: signal.signalId,
    });
    placed += 1;
  }
  return placed;
}
