import { BadUserInputError, ConflictError, NotFoundError } from '../../../platform/errors';
import { isUuid } from '../../../platform/loaders';
import type { AssignmentSubmission, Lesson } from '../../../platform/prisma/generated/client';
import type { LearningContext } from '../context';
import type { AssignmentGradeInput, AssignmentSubmissionInput } from '../generated/resolvers-types';
import { assertCanAuthor } from './courseAccess';
import { text, wholeNumber } from './authoringInput';
import { completeLessonOnce, lockedProgress } from './completion';
import { openLessonFor, type Clock } from './openLesson';

const MAX_TEXT = 50_000;

/** A graded submission passes at or above its lesson's passing score. */
export const passedGrade = (submission: AssignmentSubmission, lesson: Pick<Lesson, 'passingScore'>) =>
  submission.score === null ? null : submission.score >= lesson.passingScore;

function workOf(input: AssignmentSubmissionInput): { text: string | null; url: string | null } {
  const body = input.text?.trim() ? text(input.text, 'input.text', 1, MAX_TEXT) : null;
  let url: string | null = null;
  if (input.url?.trim()) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(input.url.trim());
    } catch {
      parsed = null;
    }
    if (!parsed || parsed.protocol !== 'https:' || input.url.length > 2_000) {
      throw new BadUserInputError('url must be an absolute https URL', 'input.url');
    }
    url = parsed.toString();
  }
  if (!body && !url) throw new BadUserInputError('Submit text, a url or both', 'input');
  return { text: body, url };
}

/** The course of a lesson, for its instructor (or an admin): graders and submission lists need it. */
async function gradableLesson(ctx: LearningContext, lessonId: string): Promise<Lesson> {
  const lesson = isUuid(lessonId) ? await ctx.loaders.lessonById.load(lessonId) : null;
  const module = lesson ? await ctx.loaders.moduleById.load(lesson.moduleId) : null;
  const course = module ? await ctx.loaders.courseById.load(module.courseId) : null;
  if (!lesson || !course) throw new NotFoundError('Lesson', lessonId);
  assertCanAuthor(ctx.viewer, course);
  if (lesson.kind !== 'ASSIGNMENT') throw new BadUserInputError('Not an assignment lesson', 'lessonId');
  return lesson;
}

export function createAssignmentService(now: Clock) {
  return {
    /**
     * Hands in (or replaces) the learner's work. A passed submission is final; after a failing grade
     * the learner may submit again, which clears the grade for the next review.
     */
    async submit(
      ctx: LearningContext,
      lessonId: string,
      input: AssignmentSubmissionInput,
    ): Promise<AssignmentSubmission> {
      const at = now();
      const { lesson, enrollment } = await openLessonFor(ctx, lessonId, at);
      if (lesson.kind !== 'ASSIGNMENT') throw new BadUserInputError('Not an assignment lesson', 'lessonId');
      const work = workOf(input);
      return ctx.prisma.$transaction(async (tx) => {
        // The progress row lock serialises this learner's submissions and grading of this lesson.
        await lockedProgress(tx, enrollment, lesson.id, at);
        const key = { enrollmentId_lessonId: { enrollmentId: enrollment.id, lessonId: lesson.id } };
        const existing = await tx.assignmentSubmission.findUnique({ where: key });
        if (existing && passedGrade(existing, lesson)) {
          throw new ConflictError('This assignment has already been graded as passed', { lessonId });
        }
        const fresh = {
          ...work,
          submittedAt: at,
          score: null,
          feedback: null,
          gradedAt: null,
          graderId: null,
        };
        return tx.assignmentSubmission.upsert({
          where: key,
          create: { lessonId: lesson.id, enrollmentId: enrollment.id, userId: enrollment.userId, ...fresh },
          update: fresh,
        });
      });
    },

    /** The instructor's grade; a passing one completes the lesson (and maybe the course) for the learner. */
    async grade(
      ctx: LearningContext,
      submissionId: string,
      input: AssignmentGradeInput,
    ): Promise<AssignmentSubmission> {
      const found = isUuid(submissionId)
        ? await ctx.prisma.assignmentSubmission.findUnique({ where: { id: submissionId } })
        : null;
      if (!found) throw new NotFoundError('AssignmentSubmission', submissionId);
      const lesson = await gradableLesson(ctx, found.lessonId);
      const score = wholeNumber(input.score, 'input.score', 0, 100);
      const feedback = input.feedback?.trim() ? text(input.feedback, 'input.feedback', 1, 10_000) : null;
      const at = now();
      return ctx.prisma.$transaction(async (tx) => {
        const enrollment = await tx.enrollment.findUniqueOrThrow({ where: { id: found.enrollmentId } });
        const { progress } = await lockedProgress(tx, enrollment, lesson.id, at);
        // Re-read under the lock: the learner may have resubmitted since the grader opened it.
        const current = await tx.assignmentSubmission.findUniqueOrThrow({ where: { id: submissionId } });
        if (current.submittedAt.getTime() !== found.submittedAt.getTime()) {
          throw new ConflictError('The learner resubmitted meanwhile; review the new work', { submissionId });
        }
        const graded = await tx.assignmentSubmission.update({
          where: { id: submissionId },
          data: { score, feedback, gradedAt: at, graderId: ctx.viewer?.userId ?? null },
        });
        if (passedGrade(graded, lesson) && enrollment.status !== 'CANCELLED') {
          await completeLessonOnce(tx, enrollment, progress, at, ctx.correlationId);
        }
        return graded;
      });
    },

    async listForLesson(
      ctx: LearningContext,
      lessonId: string,
      ungradedOnly: boolean,
    ): Promise<AssignmentSubmission[]> {
      const lesson = await gradableLesson(ctx, lessonId);
      return ctx.prisma.assignmentSubmission.findMany({
        where: { lessonId: lesson.id, ...(ungradedOnly ? { gradedAt: null } : {}) },
        orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
        take: 500,
      });
    },

    async viewerSubmission(ctx: LearningContext, lesson: Lesson): Promise<AssignmentSubmission | null> {
      if (lesson.kind !== 'ASSIGNMENT') return null;
      return ctx.loaders.viewerSubmissionByLessonId.load(lesson.id);
    },
  };
}

export type AssignmentService = ReturnType<typeof createAssignmentService>;
