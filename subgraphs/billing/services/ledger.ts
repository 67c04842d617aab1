import { randomUUID } from 'node:crypto';
import type { PrismaClient, TransactionClient } from '../../../platform/prisma';
import { assertBalanced, isCreditNormal, type Posting } from './ledgerPostings';

/**
 * Writes a balanced journal once per `reference` ("capture:<payment id>", "refund:<refund id>"): the
 * unique reference is where concurrent writers of the same movement meet, and all but one write
 * nothing. Returns false when the journal already existed.
 */
export async function writeJournal(
  tx: TransactionClient,
  entry: { reference: string; description: string; paymentId: string | null; postings: Posting[] },
): Promise<boolean> {
  assertBalanced(entry.postings);
  const id = randomUUID();
  const inserted = await tx.$executeRawUnsafe(
    `INSERT INTO billing.ledger_journal (id, reference, description, payment_id)
     VALUES ($1::uuid, $2, $3, $4::uuid) ON CONFLICT (reference) DO NOTHING`,
    id,
    entry.reference,
    entry.description,
    entry.paymentId,
  );
  if (inserted === 0) return false;
  if (entry.postings.length > 0) {
    await tx.ledgerPosting.createMany({
      data: entry.postings.map((p) => ({ journalId: id, ...p })),
    });
  }
  return true;
}

export interface AccountBalance {
  account: string;
  currency: string;
  /** In the account's normal direction: a healthy revenue or liability account is positive. */
  balanceMinor: bigint;
}

/** Balances are derived from the postings every time; no balance is stored apart from them. */
export async function accountBalances(prisma: PrismaClient | TransactionClient): Promise<AccountBalance[]> {
  const sums = await prisma.ledgerPosting.groupBy({
    by: ['account', 'currency'],
    _sum: { amountMinor: true },
    orderBy: [{ account: 'asc' }, { currency: 'asc' }],
  });
  return sums.map(({ account, currency, _sum }) => {
    const sum = _sum.amountMinor ?? 0n;
    return { account, currency, balanceMinor: isCreditNormal(account) ? -sum : sum };
  });
}

/** Every posting ever written, summed per currency: zero for a healthy ledger. */
export async function trialBalance(prisma: PrismaClient | TransactionClient): Promise<Map<string, bigint>> {
  const sums = await prisma.ledgerPosting.groupBy({ by: ['currency'], _sum: { amountMinor: true } });
  return new Map(sums.map((s) => [s.currency, s._sum.amountMinor ?? 0n]));
}
