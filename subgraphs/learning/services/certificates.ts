import { randomBytes } from 'node:crypto';
import { enqueueEvent } from '../../../platform/events/outbox';
import { isUuid } from '../../../platform/loaders';
import type { TransactionClient } from '../../../platform/prisma';
import type { Certificate, Enrollment } from '../../../platform/prisma/generated/client';
import type { LearningContext } from '../context';
import {
  LearningEventTypes,
  LearningTopics,
  type CertificateIssuedPayload,
  type CertificateRevokedPayload,
} from '../topics';
import { requireOwner } from '../../../platform/auth/access';

// Crockford's base32 without I, L, O, U: codes are read aloud and typed from paper.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** TS-XXXX-XXXX-XXXX: 60 random bits, so codes cannot be guessed or enumerated. */
export function newCertificateCode(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((byte) => ALPHABET[byte % 32]).join('');
  return `TS-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

const normaliseCode = (code: string) => code.trim().toUpperCase();

export interface CertificateCheck {
  code: string;
  certificate: Certificate | null;
  courseTitle: string | null;
}

/** Issues the enrolment's certificate once; a second call finds the first and returns it. */
export async function issueCertificate(
  tx: TransactionClient,
  enrollment: Enrollment,
  issuedAt: Date,
  correlationId: string | null,
): Promise<Certificate> {
  const existing = await tx.certificate.findUnique({ where: { enrollmentId: enrollment.id } });
  if (existing && !existing.revokedAt) return existing;
  const certificate = existing
    ? await tx.certificate.update({
        where: { id: existing.id },
        data: { code: newCertificateCode(), issuedAt, revokedAt: null, revokedReason: null },
      })
    : await tx.certificate.create({
        data: {
          code: newCertificateCode(),
          enrollmentId: enrollment.id,
          userId: enrollment.userId,
          courseId: enrollment.courseId,
          issuedAt,
        },
      });
  await enqueueEvent<CertificateIssuedPayload>(tx, 'learning', {
    topic: LearningTopics.certificateIssued,
    key: certificate.courseId,
    type: LearningEventTypes.certificateIssued,
    payload: {
      certificateId: certificate.id,
      code: certificate.code,
      enrollmentId: enrollment.id,
      userId: certificate.userId,
      courseId: certificate.courseId,
      issuedAt: issuedAt.toISOString(),
    },
    correlationId,
  });
  return certificate;
}

export async function revokeCertificate(
  tx: TransactionClient,
  enrollmentId: string,
  reason: 'REFUNDED',
  correlationId: string | null,
): Promise<void> {
  const certificate = await tx.certificate.findUnique({ where: { enrollmentId } });
  if (!certificate || certificate.revokedAt) return;
  await tx.certificate.update({
    where: { id: certificate.id },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
  await enqueueEvent<CertificateRevokedPayload>(tx, 'learning', {
    topic: LearningTopics.certificateRevoked,
    key: certificate.courseId,
    type: LearningEventTypes.certificateRevoked,
    payload: {
      certificateId: certificate.id,
      code: certificate.code,
      userId: certificate.userId,
      courseId: certificate.courseId,
      reason,
    },
    correlationId,
  });
}

export function createCertificateService() {
  return {
    /** Public: anyone may check a code; the answer names the course and the holder, nothing more. */
    async verify(ctx: LearningContext, code: string): Promise<CertificateCheck> {
      const normalised = normaliseCode(code);
      if (normalised.length > 40) return { code: normalised, certificate: null, courseTitle: null };
      const certificate = await ctx.prisma.certificate.findUnique({ where: { code: normalised } });
      const course = certificate ? await ctx.loaders.courseById.load(certificate.courseId) : null;
      return { code: normalised, certificate, courseTitle: course?.title ?? null };
    },

    async certificatesOf(ctx: LearningContext, userId: string): Promise<Certificate[]> {
      requireOwner(ctx.viewer, userId, 'Certificate');
      if (!isUuid(userId)) return [];
      return ctx.loaders.certificatesByUserId.load(userId);
    },
  };
}

export type CertificateService = ReturnType<typeof createCertificateService>;
