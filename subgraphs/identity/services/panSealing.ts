import { requireRole, STAFF } from '../../../platform/auth/access';
import { NotFoundError } from '../../../platform/errors';
import { isUuid } from '../../../platform/loaders';
import type { PrismaClient } from '../../../platform/prisma';
import type { IdentityContext } from '../context';
import { recordSecurityEvent } from './audit';
import { open, seal } from './sealing';

const SEAL_BATCH = 500;

/**
 * The data step of migration 20261202180000_kyc_pan_sealed: PANs written in plaintext by an older
 * version are sealed and the plaintext cleared. Run by identity at start-up, before it serves; the
 * update is conditional on the plaintext still being there, so replicas starting together are safe.
 */
export async function sealPlaintextPans(prisma: PrismaClient, panKey: Buffer): Promise<number> {
  let sealed = 0;
  for (;;) {
    const rows = await prisma.kycSubmission.findMany({
      where: { pan: { not: null } },
      select: { id: true, pan: true },
      take: SEAL_BATCH,
    });
    // One statement per batch (a round trip per row took ~19 s for 5,000 rows here).
    sealed += await prisma.$executeRawUnsafe(
      `UPDATE identity.kyc_submission AS k SET pan_sealed = v.sealed, pan = NULL
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, pan, sealed)
        WHERE k.id = v.id AND k.pan = v.pan`,
      rows.map((row) => row.id),
      rows.map((row) => row.pan),
      rows.map((row) => seal(panKey, row.pan!)),
    );
    if (rows.length < SEAL_BATCH) return sealed;
  }
}

/** The whole PAN of the user's latest application, for staff only, and never without an audit row. */
export async function revealPan(ctx: IdentityContext, userId: string, panKey: Buffer): Promise<string> {
  const staff = requireRole(ctx.viewer, ...STAFF);
  const submission = isUuid(userId)
    ? await ctx.prisma.kycSubmission.findFirst({
        where: { userId },
        orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
      })
    : null;
  if (!submission) throw new NotFoundError('KycSubmission');
  const pan = submission.panSealed ? open(panKey, submission.panSealed) : submission.pan;
  if (!pan) throw new NotFoundError('KycSubmission');
  // Recorded before the PAN is returned: a reveal the audit trail does not show never happens.
  await ctx.prisma.$transaction((tx) =>
    recordSecurityEvent(tx, {
      type: 'PAN_REVEALED',
      userId,
      actorId: staff.userId,
      client: ctx.client,
      details: { submissionId: submission.id },
      correlationId: ctx.correlationId,
    }),
  );
  return pan;
}
