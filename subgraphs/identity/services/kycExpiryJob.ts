import { randomUUID } from 'node:crypto';
import type { Logger } from '../../../platform/logger';
import type { PrismaClient } from '../../../platform/prisma';
import { expireLapsedKyc } from './kyc';

/**
 * Moves lapsed KYC to EXPIRED on a timer, so a verification ends on time even when nobody submits or
 * reviews KYC meanwhile. Every replica may run it: the per-row conditional update makes a row expire
 * (and be audited) once.
 */
export function createKycExpiryJob(options: { prisma: PrismaClient; logger: Logger; intervalMs: number }) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | null = null;

  function runOnce(): Promise<number> {
    running ??= expireLapsedKyc(options.prisma, `kyc-expiry-${randomUUID()}`)
      .then((expired) => {
        if (expired > 0) options.logger.info({ expired }, 'KYC applications expired');
        return expired;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  return {
    runOnce,
    start(): void {
      timer = setInterval(() => {
        runOnce().catch((error: unknown) => options.logger.error({ err: error }, 'KYC expiry failed'));
      }, options.intervalMs);
      timer.unref();
    },
    async stop(): Promise<void> {
      clearInterval(timer);
      await running?.catch(() => 0);
    },
  };
}

export type KycExpiryJob = ReturnType<typeof createKycExpiryJob>;
