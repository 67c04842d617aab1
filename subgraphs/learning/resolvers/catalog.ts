import { money } from '../../../platform/money';
import type { Resolvers } from '../generated/resolvers-types';
import type { LearningServices } from '../services';
import { lessonAccess } from '../services/lessonAccess';
import { enrollmentOpen } from '../services/enrollments';

export function catalogResolvers({ courses, assignments, now }: LearningServices): Resolvers {
  return {
    CourseConnection: {
      facets: (page) => page.facets,
    },
    CourseFacets: {
      categories: async (request, _args, ctx) => (await courses.facets(ctx, request)).categories,
      levels: async (request, _args, ctx) => (await courses.facets(ctx, request)).levels,
      tags: async (request, _args, ctx) => (await courses.facets(ctx, request)).tags,
    },
    Course: {
      __resolveReference: (reference, ctx) => courses.findCourse(ctx, { id: reference.id }),
      price: (course) => money(course.priceMinor, course.currency),
      isFree: (course) => course.priceMinor === 0n,
      instructor: (course) => ({ id: course.instructorId }),
      modules: (course, _args, ctx) => ctx.loaders.modulesByCourseId.load(course.id),
      lessonCount: (course, _args, ctx) => ctx.loaders.lessonCountByCourseId.load(course.id),
      viewerEnrollment: (course, _args, ctx) => ctx.loaders.viewerEnrollmentByCourseId.load(course.id),
    },
    Module: {
      lessons: (module, _args, ctx) => ctx.loaders.lessonsByModuleId.load(module.id),
    },
    Lesson: {
      access: (lesson, _args, ctx) => lessonAccess(ctx, lesson, now()),
      body: async (lesson, _args, ctx) =>
        (await lessonAccess(ctx, lesson, now())).open ? lesson.body : null,
      video: async (lesson, _args, ctx) =>
        (await lessonAccess(ctx, lesson, now())).open ? ctx.loaders.videoByLessonId.load(lesson.id) : null,
      assessment: (lesson, _args, ctx) => ctx.loaders.assessmentByLessonId.load(lesson.id),
      passingScore: (lesson) => (lesson.kind === 'ASSIGNMENT' ? lesson.passingScore : null),
      viewerSubmission: (lesson, _args, ctx) => assignments.viewerSubmission(ctx, lesson),
      viewerProgress: async (lesson, _args, ctx) => {
        const progress = await ctx.loaders.viewerProgressByLessonId.load(lesson.id);
        // Progress of a refunded enrolment stays in the database but is not the viewer's any more.
        if (!progress) return null;
        const scope = await ctx.loaders.viewerEnrollmentByCourseId.load(
          (await ctx.loaders.moduleById.load(lesson.moduleId))?.courseId ?? '',
        );
        return enrollmentOpen(scope) ? progress : null;
      },
    },
    VideoAsset: {
      captions: (video) =>
        Array.isArray(video.captions) ? (video.captions as { language: string; url: string }[]) : [],
    },
    LessonProgress: {
      completed: (progress) => progress.completedAt !== null,
      // One counter for both: seconds watched (video) or read (text), credited from heartbeats.
      timeSpentSeconds: (progress) => progress.watchedSeconds,
    },
  };
}
