import { createAssessmentService } from './assessments';
import { createAssignmentService } from './assignments';
import { createCourseAuthoring } from './authoring';
import { createCertificateService } from './certificates';
import { createContentOrder } from './contentOrder';
import { createCourseService } from './courses';
import { createEnrollmentService } from './enrollments';
import { createLessonAuthoring } from './lessonAuthoring';
import type { Clock } from './openLesson';
import { createProgressService } from './progress';

/** Every learning service, built once per process around one clock. */
export function createLearningServices(now: Clock = () => new Date()) {
  return {
    now,
    courses: createCourseService(),
    enrollments: createEnrollmentService(),
    progress: createProgressService(now),
    assessments: createAssessmentService(now),
    certificates: createCertificateService(),
    courseAuthoring: createCourseAuthoring(now),
    lessonAuthoring: createLessonAuthoring(),
    contentOrder: createContentOrder(),
    assignments: createAssignmentService(now),
  };
}

export type LearningServices = ReturnType<typeof createLearningServices>;
