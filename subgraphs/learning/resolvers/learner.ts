import type { Resolvers } from '../generated/resolvers-types';
import type { LearningServices } from '../services';
import { choicesOf, review } from '../services/grading';

export function learnerResolvers({ enrollments, assessments, certificates }: LearningServices): Resolvers {
  return {
    Enrollment: {
      course: (enrollment, _args, ctx) => enrollments.courseOf(ctx, enrollment),
      progress: async (enrollment, _args, ctx) => (await enrollments.progressOf(ctx, enrollment)).ratio,
      completedLessonCount: async (enrollment, _args, ctx) =>
        (await enrollments.progressOf(ctx, enrollment)).completed,
      requiredLessonCount: async (enrollment, _args, ctx) =>
        (await enrollments.progressOf(ctx, enrollment)).required,
      certificate: (enrollment, _args, ctx) => ctx.loaders.certificateByEnrollmentId.load(enrollment.id),
    },
    Assessment: {
      questionCount: async (assessment, _args, ctx) =>
        (await ctx.loaders.questionsByAssessmentId.load(assessment.id)).length,
      viewerAttempts: (assessment, _args, ctx) => assessments.viewerAttempts(ctx, assessment),
      authoredQuestions: (assessment, _args, ctx) => assessments.authoredQuestions(ctx, assessment),
    },
    AssessmentAttempt: {
      questions: (attempt, _args, ctx) => assessments.questionsOf(ctx, attempt),
      result: (attempt, _args, ctx) => assessments.resultOf(ctx, attempt),
    },
    // Only id and label leave the server: `correct` is not on the learner's Choice type at all.
    Question: {
      choices: (question) => choicesOf(question).map(({ id, label }) => ({ id, label })),
    },
    AuthoredQuestion: {
      choices: (question) => choicesOf(question),
      correctNumber: (question) => question.correctNumber?.toString() ?? null,
      numericTolerance: (question) => question.numericTolerance.toString(),
    },
    AttemptResult: {
      scorePercent: (graded) => graded.attempt.scorePercent ?? 0,
      passed: (graded) => graded.attempt.passed ?? false,
      review: (graded) => review(graded),
    },
    Certificate: {
      status: (certificate) => (certificate.revokedAt ? 'REVOKED' : 'VALID'),
      course: (certificate, _args, ctx) => enrollments.courseOf(ctx, certificate),
      holder: (certificate) => ({ id: certificate.userId }),
    },
    CertificateVerification: {
      valid: (check) => check.certificate !== null && check.certificate.revokedAt === null,
      status: (check) => (check.certificate ? (check.certificate.revokedAt ? 'REVOKED' : 'VALID') : null),
      holder: (check) => (check.certificate ? { id: check.certificate.userId } : null),
      issuedAt: (check) => check.certificate?.issuedAt ?? null,
      revokedAt: (check) => check.certificate?.revokedAt ?? null,
    },
    User: {
      __resolveReference: (reference) => ({ id: reference.id }),
      enrollments: (user, _args, ctx) => enrollments.enrollmentsOf(ctx, user.id),
      certificates: (user, _args, ctx) => certificates.certificatesOf(ctx, user.id),
    },
  };
}
