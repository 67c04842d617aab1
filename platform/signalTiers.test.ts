import { signalReleaseTimes, signalTierRules } from './signalTiers';

describe('signalReleaseTimes', () => {
  const publishedAt = new Date('2026-12-03T10:00:00.000Z');

  it('releases FREE after its delay and the paid tiers at once', () => {
    expect(signalReleaseTimes(signalTierRules(60_000), { publishedAt, dayIndex: 1 })).toEqual({
      FREE: '2026-12-03T10:01:00.000Z',
      PREMIUM: '2026-12-03T10:00:00.000Z',
      ENTERPRISE: '2026-12-03T10:00:00.000Z',
    });
  });

  it("never releases a signal past a tier's daily cap to that tier", () => {
    expect(signalReleaseTimes(signalTierRules(0), { publishedAt, dayIndex: 6 })).toEqual({
      FREE: null,
      PREMIUM: '2026-12-03T10:00:00.000Z',
      ENTERPRISE: '2026-12-03T10:00:00.000Z',
    });
  });
});
