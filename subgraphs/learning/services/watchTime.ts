/** Heartbeats are expected every ~10 s; a longer silence (pause, closed tab) earns at most this much. */
export const MAX_HEARTBEAT_GAP_SECONDS = 30;
/** Players offer up to 2x speed: that is the most video one second of wall clock can cover. */
export const MAX_PLAYBACK_RATE = 2;
/** Share of the video that must really be watched for the lesson to count as completed. */
export const COMPLETION_THRESHOLD = 0.9;

/**
 * Seconds of video one heartbeat credits: no more than the player moved forward, no more than the
 * wall clock allows since the previous heartbeat, so seeking ahead (or to the end) earns nothing.
 */
export function creditedSeconds(input: {
  previousPosition: number;
  position: number;
  previousAt: Date;
  now: Date;
}): number {
  const elapsed = Math.max(0, (input.now.getTime() - input.previousAt.getTime()) / 1000);
  const wallClock = Math.min(elapsed, MAX_HEARTBEAT_GAP_SECONDS) * MAX_PLAYBACK_RATE;
  const advanced = input.position - input.previousPosition;
  return Math.max(0, Math.floor(Math.min(wallClock, advanced)));
}

export function watchedEnough(watchedSeconds: number, durationSeconds: number): boolean {
  return watchedSeconds >= Math.ceil(durationSeconds * COMPLETION_THRESHOLD);
}

/**
 * Seconds of reading one heartbeat from an open text lesson credits: the wall clock since the previous
 * heartbeat, at most one gap's worth (a tab left open overnight earns nothing more).
 */
export function readingSeconds(previousAt: Date, now: Date): number {
  const elapsed = Math.max(0, (now.getTime() - previousAt.getTime()) / 1000);
  return Math.floor(Math.min(elapsed, MAX_HEARTBEAT_GAP_SECONDS));
}
