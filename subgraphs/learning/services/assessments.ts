import { ConflictError, mapPrismaError, NotFoundError } from '../../../platform/errors';
import { isUuid } from '../../../platform/loaders';
import type { Prisma } from '../../../platform/prisma';
import type { Assessment, AssessmentAttempt, Question } from '../../../platform/prisma/generated/client';
import type { LearningContext } from '../context';
import type { AnswerInput } from '../generated/resolvers-types';
import { requireOwnedRow, requireViewer } from '../../../platform/auth/access';
import { assertCanAuthor } from './courseAccess';
import { parseAnswers } from './answers';
import { completeLessonOnce, lockedProgress } from './completion';
import { grade, type GradedAttempt } from './grading';
import { openLessonFor, type Clock } from './openLesson';

/** Submissions this late after the deadline still count: network and clock skew, not extra time. */
const GRACE_MS = 5_000;

const attemptsLeft = (assessment: Assessment, used: number) =>
  assessment.maxAttempts === null || used < assessment.maxAttempts;

export function createAssessmentService(now: Clock) {
  async function loadAssessment(ctx: LearningContext, id: string): Promise<Assessment> {
    const assessment = isUuid(id) ? await ctx.prisma.assessment.findUnique({ where: { id } }) : null;
    if (!assessment) throw new NotFoundError('Assessment', id);
    return assessment;
  }

  return {
    /** Resumes the open attempt, or starts the next one while attempts remain. */
    async start(ctx: LearningContext, assessmentId: string): Promise<AssessmentAttempt> {
      const viewer = requireViewer(ctx.viewer, 'take assessments');
      const at = now();
      const assessment = await loadAssessment(ctx, assessmentId);
      await openLessonFor(ctx, assessment.lessonId, at);
      const attempts = await ctx.prisma.assessmentAttempt.findMany({
        where: { assessmentId, userId: viewer.userId },
        orderBy: { number: 'asc' },
      });
      const open = attempts.find((a) => a.status === 'IN_PROGRESS');
      if (open && (!open.deadlineAt || open.deadlineAt.getTime() + GRACE_MS > at.getTime())) return open;
      if (open) {
        await ctx.prisma.assessmentAttempt.update({
          where: { id: open.id },
          data: { status: 'EXPIRED', submittedAt: at, scorePercent: 0, passed: false, grading: {} },
        });
      }
      if (attempts.some((a) => a.passed))
        throw new ConflictError('Assessment already passed', { assessmentId });
      if (!attemptsLeft(assessment, attempts.length)) {
        throw new ConflictError('No attempts left', { assessmentId, maxAttempts: assessment.maxAttempts });
      }
      const deadlineAt = assessment.timeLimitSeconds
        ? new Date(at.getTime() + assessment.timeLimitSeconds * 1000)
        : null;
      try {
        return await ctx.prisma.assessmentAttempt.create({
          data: {
            assessmentId,
            userId: viewer.userId,
            number: attempts.length + 1,
            startedAt: at,
            deadlineAt,
          },
        });
      } catch (error) {
        return mapPrismaError(error, 'AssessmentAttempt'); // a concurrent start took this number: CONFLICT
      }
    },

    async submit(ctx: LearningContext, attemptId: string, input: AnswerInput[]): Promise<AssessmentAttempt> {
      const viewer = requireViewer(ctx.viewer, 'take assessments');
      const at = now();
      const attempt = isUuid(attemptId)
        ? await ctx.prisma.assessmentAttempt.findUnique({ where: { id: attemptId } })
        : null;
      if (!attempt || attempt.userId !== viewer.userId)
        throw new NotFoundError('AssessmentAttempt', attemptId);
      if (attempt.status !== 'IN_PROGRESS')
        throw new ConflictError('Attempt already submitted', { attemptId });
      const assessment = await loadAssessment(ctx, attempt.assessmentId);
      const { enrollment } = await openLessonFor(ctx, assessment.lessonId, at);
      const questions = await ctx.loaders.questionsByAssessmentId.load(assessment.id);
      const answers = parseAnswers(questions, input);
      const late = attempt.deadlineAt !== null && at.getTime() > attempt.deadlineAt.getTime() + GRACE_MS;
      const { grading, scorePercent } = late ? { grading: {}, scorePercent: 0 } : grade(questions, answers);
      const passed = !late && scorePercent >= assessment.passingScorePercent;
      return ctx.prisma.$transaction(async (tx) => {
        // Conditional on IN_PROGRESS: of two concurrent submissions only one is graded.
        const changed = await tx.assessmentAttempt.updateMany({
          where: { id: attempt.id, status: 'IN_PROGRESS' },
          data: {
            status: late ? 'EXPIRED' : 'SUBMITTED',
            submittedAt: at,
            scorePercent,
            passed,
            answers: answers as Prisma.InputJsonValue,
            grading,
          },
        });
        if (changed.count === 0) throw new ConflictError('Attempt already submitted', { attemptId });
        if (passed) {
          const { progress } = await lockedProgress(tx, enrollment, assessment.lessonId, at);
          await completeLessonOnce(tx, enrollment, progress, at, ctx.correlationId);
        }
        return tx.assessmentAttempt.findUniqueOrThrow({ where: { id: attempt.id } });
      });
    },

    async viewerAttempts(ctx: LearningContext, assessment: Assessment): Promise<AssessmentAttempt[]> {
      return ctx.loaders.viewerAttemptsByAssessmentId.load(assessment.id);
    },

    async questionsOf(ctx: LearningContext, attempt: AssessmentAttempt): Promise<Question[]> {
      requireOwnedRow(ctx.viewer, attempt, 'AssessmentAttempt', attempt.id, []);
      return ctx.loaders.questionsByAssessmentId.load(attempt.assessmentId);
    },

    async resultOf(ctx: LearningContext, attempt: AssessmentAttempt): Promise<GradedAttempt | null> {
      if (attempt.status === 'IN_PROGRESS') return null;
      const [assessment, questions, attempts] = await Promise.all([
        ctx.prisma.assessment.findUniqueOrThrow({ where: { id: attempt.assessmentId } }),
        ctx.loaders.questionsByAssessmentId.load(attempt.assessmentId),
        ctx.loaders.viewerAttemptsByAssessmentId.load(attempt.assessmentId),
      ]);
      const passed = attempts.some((a) => a.passed) || attempt.passed === true;
      const finished = attempts.filter((a) => a.status !== 'IN_PROGRESS').length;
      return {
        attempt,
        questions,
        revealAnswers: passed || !attemptsLeft(assessment, Math.max(finished, attempt.number)),
      };
    },

    /** Answers are for the course's instructor and admins only. */
    async authoredQuestions(ctx: LearningContext, assessment: Assessment): Promise<Question[]> {
      const lesson = await ctx.loaders.lessonById.load(assessment.lessonId);
      const module = lesson ? await ctx.loaders.moduleById.load(lesson.moduleId) : null;
      const course = module ? await ctx.loaders.courseById.load(module.courseId) : null;
      if (!course) throw new NotFoundError('Course');
      assertCanAuthor(ctx.viewer, course);
      return ctx.loaders.questionsByAssessmentId.load(assessment.id);
    },
  };
}

export type AssessmentService = ReturnType<typeof createAssessmentService>;
