import { prorateUpgrade } from './services/planPeriods';
import { earnedBy } from './services/revenueRecognition';
import type { RevenueSchedule } from '../../platform/prisma/generated/client';

const DAY = 86_400_000;
const start = new Date('2026-11-01T10:00:00Z');
const end = new Date('2026-12-01T10:00:00Z');

describe('upgrade proration', () => {
  it('charges the new share less the credit for whole unused days, each rounded half up', () => {
    // 30-day period, 10 days and a bit left: 10 unused days (the day in progress counts as used).
    const now = new Date(end.getTime() - 10 * DAY - 5_000);
    const p = prorateUpgrade(299_900n, 999_900n, start, end, now);
    expect(p).toEqual({
      unusedDays: 10,
      periodDays: 30,
      creditMinor: 99_967n, // 299900 × 10 / 30 = 99966.67 → 99967
      newShareMinor: 333_300n,
      chargeMinor: 233_333n,
    });
  });

  it('rounds a half paisa up and never charges for a finished period', () => {
    expect(prorateUpgrade(1n, 3n, start, end, new Date(end.getTime() - 15 * DAY)).creditMinor).toBe(1n);
    expect(prorateUpgrade(299_900n, 999_900n, start, end, end).chargeMinor).toBe(0n);
  });
});

describe('straight-line recognition', () => {
  const schedule = { amountMinor: 254_153n, periodStart: start, periodEnd: end } as RevenueSchedule;

  it('earns whole days rounded down, nothing before the start and everything at the end', () => {
    expect(earnedBy(schedule, new Date(start.getTime() - DAY))).toBe(0n);
    expect(earnedBy(schedule, new Date(start.getTime() + DAY - 1))).toBe(0n);
    expect(earnedBy(schedule, new Date(start.getTime() + 7 * DAY))).toBe((254_153n * 7n) / 30n);
    expect(earnedBy(schedule, end)).toBe(254_153n);
  });
});
