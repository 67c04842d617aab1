import { formatPaise, formatPercent, lastDays, perDay, toPaise } from './format';

describe('dashboard formatting', () => {
  it('adds money exactly in paise and prints it in Indian grouping', () => {
    const total = ['0.10', '0.20', '2999.00', '-5.5'].map(toPaise).reduce((a, b) => a + b, 0n);
    expect(total).toBe(299_380n);
    expect(formatPaise(total)).toBe('₹2,993.80');
    expect(formatPaise(1_234_567_89n)).toBe('₹12,34,567.89');
    expect(() => toPaise('1.234')).toThrow(RangeError);
  });

  it('prints rates as percentages without a negative zero', () => {
    expect(formatPercent(0.4286)).toBe('42.9%');
    expect(formatPercent(-0.00001, 2)).toBe('0.00%');
    expect(formatPercent(null)).toBe('—');
  });

  it('lists every UTC day of a half-open range and fills days without data with 0', () => {
    const range = lastDays(3, Date.parse('2026-11-22T15:00:00Z'));
    expect(range).toEqual({
      from: '2026-11-20T00:00:00.000Z',
      to: '2026-11-23T00:00:00.000Z',
      days: ['2026-11-20', '2026-11-21', '2026-11-22'],
    });
    expect(perDay(range, [{ day: '2026-11-21', count: 4 }], (d) => d.count)).toEqual([0, 4, 0]);
  });
});
