import type { Resolvers } from '../generated/resolvers-types';
import type { LearningServices } from '../services';
import { courseAnalytics } from '../services/analytics';
import {
  cohortFigures,
  enrollmentsByDay,
  learningAnalyticsRange,
  topCourses,
} from '../services/learningAnalytics';

export function rootResolvers(s: LearningServices): Resolvers {
  return {
    Query: {
      courses: (_parent, args, ctx) => s.courses.listCourses(ctx, args),
      course: (_parent, args, ctx) => s.courses.findCourse(ctx, args),
      courseBySlug: (_parent, { slug }, ctx) => s.courses.findCourse(ctx, { slug }),
      taughtCourses: (_parent, _args, ctx) => s.courses.taughtCourses(ctx),
      verifyCertificate: (_parent, { code }, ctx) => s.certificates.verify(ctx, code),
      courseAnalytics: (_parent, { courseId }, ctx) => courseAnalytics(ctx, courseId),
      learningAnalytics: (_parent, { from, to }, ctx) => learningAnalyticsRange(ctx, from, to),
      assignmentSubmissions: (_parent, { lessonId, ungradedOnly }, ctx) =>
        s.assignments.listForLesson(ctx, lessonId, ungradedOnly ?? false),
    },
    LearningAnalytics: {
      enrollmentsByDay: (range, _args, ctx) => enrollmentsByDay(ctx, range),
      completionRate: async (range, _args, ctx) => (await cohortFigures(ctx, range)).completionRate,
      averageProgress: async (range, _args, ctx) => (await cohortFigures(ctx, range)).averageProgress,
      topCourses: (range, { first }, ctx) => topCourses(ctx, range, first ?? 10),
    },
    CourseAnalytics: {
      __resolveReference: (reference, ctx) => courseAnalytics(ctx, reference.courseId),
      course: (figures, _args, ctx) => s.enrollments.courseOf(ctx, { courseId: figures.courseId }),
    },
    Mutation: {
      enroll: (_parent, { courseId }, ctx) => s.enrollments.enroll(ctx, courseId),
      recordLessonHeartbeat: (_parent, { lessonId, positionSeconds }, ctx) =>
        s.progress.heartbeat(ctx, lessonId, positionSeconds),
      completeLesson: (_parent, { lessonId }, ctx) => s.progress.completeLesson(ctx, lessonId),
      startAssessmentAttempt: (_parent, { assessmentId }, ctx) => s.assessments.start(ctx, assessmentId),
      submitAssessmentAttempt: (_parent, { attemptId, answers }, ctx) =>
        s.assessments.submit(ctx, attemptId, answers),
      createCourse: (_parent, { input }, ctx) => s.courseAuthoring.createCourse(ctx, input),
      updateCourse: (_parent, { id, input }, ctx) => s.courseAuthoring.updateCourse(ctx, id, input),
      publishCourse: (_parent, { id }, ctx) => s.courseAuthoring.publishCourse(ctx, id),
      archiveCourse: (_parent, { id }, ctx) => s.courseAuthoring.archiveCourse(ctx, id),
      addModule: (_parent, { courseId, title }, ctx) => s.lessonAuthoring.addModule(ctx, courseId, title),
      renameModule: (_parent, { id, title }, ctx) => s.lessonAuthoring.renameModule(ctx, id, title),
      addLesson: (_parent, { moduleId, input }, ctx) => s.lessonAuthoring.addLesson(ctx, moduleId, input),
      updateLesson: (_parent, { id, input }, ctx) => s.lessonAuthoring.updateLesson(ctx, id, input),
      setLessonVideo: (_parent, { lessonId, input }, ctx) =>
        s.lessonAuthoring.setLessonVideo(ctx, lessonId, input),
      setLessonAssessment: (_parent, { lessonId, input }, ctx) =>
        s.lessonAuthoring.setLessonAssessment(ctx, lessonId, input),
      deleteModule: (_parent, { id }, ctx) => s.contentOrder.deleteModule(ctx, id),
      deleteLesson: (_parent, { id }, ctx) => s.contentOrder.deleteLesson(ctx, id),
      reorderModules: (_parent, { courseId, moduleIds }, ctx) =>
        s.contentOrder.reorderModules(ctx, courseId, moduleIds),
      reorderLessons: (_parent, { moduleId, lessonIds }, ctx) =>
        s.contentOrder.reorderLessons(ctx, moduleId, lessonIds),
      submitAssignment: (_parent, { lessonId, input }, ctx) => s.assignments.submit(ctx, lessonId, input),
      gradeAssignment: (_parent, { submissionId, input }, ctx) =>
        s.assignments.grade(ctx, submissionId, input),
    },
  };
}
