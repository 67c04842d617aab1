import { BadUserInputError } from '../../../platform/errors';
import type { LessonProgress } from '../../../platform/prisma/generated/client';
import type { LearningContext } from '../context';
import { completeLessonOnce, lockedProgress } from './completion';
import { openLessonFor, type Clock } from './openLesson';
import { creditedSeconds, readingSeconds, watchedEnough } from './watchTime';

export function createProgressService(now: Clock) {
  return {
    async heartbeat(
      ctx: LearningContext,
      lessonId: string,
      positionSeconds: number,
    ): Promise<LessonProgress> {
      const at = now();
      const { lesson, enrollment } = await openLessonFor(ctx, lessonId, at);
      if (lesson.kind !== 'VIDEO' && lesson.kind !== 'TEXT')
        throw new BadUserInputError('Heartbeats are for video and text lessons', 'lessonId');
      const reading = lesson.kind === 'TEXT';
      const video = reading ? null : await ctx.loaders.videoByLessonId.load(lesson.id);
      // A text lesson's duration is its reading time: time spent on it never counts beyond that.
      const duration = video?.durationSeconds ?? lesson.durationSeconds;
      if (!Number.isInteger(positionSeconds) || positionSeconds < 0 || positionSeconds > duration) {
        throw new BadUserInputError(`positionSeconds must be between 0 and ${duration}`, 'positionSeconds');
      }
      return ctx.prisma.$transaction(async (tx) => {
        const { progress, created } = await lockedProgress(tx, enrollment, lesson.id, at);
        const credit =
          created || !progress.lastHeartbeatAt
            ? 0
            : reading
              ? readingSeconds(progress.lastHeartbeatAt, at)
              : creditedSeconds({
                  previousPosition: progress.positionSeconds,
                  position: positionSeconds,
                  previousAt: progress.lastHeartbeatAt,
                  now: at,
                });
        const updated = await tx.lessonProgress.update({
          where: { id: progress.id },
          data: {
            positionSeconds,
            lastHeartbeatAt: at,
            watchedSeconds: Math.min(duration, progress.watchedSeconds + credit),
          },
        });
        // Reading is timed, not judged: text lessons still complete when the learner says so.
        if (reading || !watchedEnough(updated.watchedSeconds, duration)) return updated;
        return completeLessonOnce(tx, enrollment, updated, at, ctx.correlationId);
      });
    },

    /** Reading is self-reported; videos, quizzes and assignments have their own rules. */
    async completeLesson(ctx: LearningContext, lessonId: string): Promise<LessonProgress> {
      const at = now();
      const { lesson, enrollment } = await openLessonFor(ctx, lessonId, at);
      if (lesson.kind === 'VIDEO') {
        throw new BadUserInputError('Video lessons complete by watching them (heartbeats)', 'lessonId');
      }
      if (lesson.kind === 'QUIZ')
        throw new BadUserInputError('Quiz lessons complete by passing the assessment', 'lessonId');
      if (lesson.kind === 'ASSIGNMENT') {
        throw new BadUserInputError('Assignment lessons complete when graded as passed', 'lessonId');
      }
      return ctx.prisma.$transaction(async (tx) => {
        const { progress } = await lockedProgress(tx, enrollment, lesson.id, at);
        return completeLessonOnce(tx, enrollment, progress, at, ctx.correlationId);
      });
    },
  };
}

export type ProgressService = ReturnType<typeof createProgressService>;
