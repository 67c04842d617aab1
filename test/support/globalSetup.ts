import { randomBytes } from 'node:crypto';

/**
 * Names this run's seeded template database (test/support/database.ts creates it on first use, so a run
 * of unit tests alone never pays for it). Workers inherit the variable.
 */
export default function globalSetup(): void {
  process.env.TEST_SEEDED_TEMPLATE ??= `tpl_${randomBytes(6).toString('hex')}`;
}
