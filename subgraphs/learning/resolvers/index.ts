import { money } from '../../../platform/money';
import { DateTimeScalar } from '../../../platform/scalars';
import type { Resolvers } from '../generated/resolvers-types';
import type { CourseService } from '../services/courses';
import type { EnrollmentService } from '../services/enrollments';

export function createLearningResolvers(courses: CourseService, enrollments: EnrollmentService): Resolvers {
  return {
    DateTime: DateTimeScalar,
    Query: {
      courses: (_parent, args, ctx) => courses.listCourses(ctx, args),
      course: (_parent, args, ctx) => courses.findCourse(ctx, args),
    },
    Mutation: {
      enroll: (_parent, { courseId }, ctx) => enrollments.enroll(ctx, courseId),
    },
    Course: {
      __resolveReference: (reference, ctx) => courses.findCourse(ctx, { id: reference.id }),
      price: (course) => money(course.priceMinor, course.currency),
      instructor: (course) => ({ id: course.instructorId }),
      modules: (course, _args, ctx) => ctx.loaders.modulesByCourseId.load(course.id),
      lessonCount: (course, _args, ctx) => ctx.loaders.lessonCountByCourseId.load(course.id),
    },
    Module: {
      lessons: (module, _args, ctx) => ctx.loaders.lessonsByModuleId.load(module.id),
    },
    Enrollment: {
      course: (enrollment, _args, ctx) => enrollments.courseOf(ctx, enrollment),
    },
    User: {
      __resolveReference: (reference) => ({ id: reference.id }),
      enrollments: (user, _args, ctx) => enrollments.enrollmentsOf(ctx, user.id),
    },
  };
}
