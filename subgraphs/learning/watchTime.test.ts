import fc from 'fast-check';
import {
  creditedSeconds,
  MAX_HEARTBEAT_GAP_SECONDS,
  MAX_PLAYBACK_RATE,
  watchedEnough,
} from './services/watchTime';

describe('creditedSeconds', () => {
  it('never credits more than the player advanced or the wall clock allows, nor less than nothing', () => {
    fc.assert(
      fc.property(
        fc.nat(100_000),
        fc.nat(100_000),
        fc.nat(10_000_000),
        (previousPosition, position, elapsedMs) => {
          const credit = creditedSeconds({
            previousPosition,
            position,
            previousAt: new Date(0),
            now: new Date(elapsedMs),
          });
          expect(credit).toBeGreaterThanOrEqual(0);
          expect(credit).toBeLessThanOrEqual(Math.max(0, position - previousPosition));
          expect(credit).toBeLessThanOrEqual(
            Math.min(elapsedMs / 1000, MAX_HEARTBEAT_GAP_SECONDS) * MAX_PLAYBACK_RATE,
          );
        },
      ),
    );
  });

  it('credits ordinary playback in full and a seek almost nothing', () => {
    const at = (s: number) => new Date(s * 1000);
    expect(creditedSeconds({ previousPosition: 100, position: 110, previousAt: at(0), now: at(10) })).toBe(
      10,
    );
    expect(creditedSeconds({ previousPosition: 0, position: 3_600, previousAt: at(0), now: at(1) })).toBe(2);
    expect(creditedSeconds({ previousPosition: 500, position: 20, previousAt: at(0), now: at(10) })).toBe(0);
  });

  it('asks for 90% of the video', () => {
    expect([watchedEnough(89, 100), watchedEnough(90, 100), watchedEnough(0, 0)]).toEqual([
      false,
      true,
      true,
    ]);
  });
});
