// The contracts live with every other domain's in platform/events/topics.ts; learning code imports them here.
export {
  LearningEventTypes,
  LearningTopics,
  type CertificateIssuedPayload,
  type CertificateRevokedPayload,
  type CourseCompletedPayload,
  type CourseChangedPayload,
  type EnrollmentCancelledPayload,
  type EnrollmentCreatedPayload,
  type LessonCompletedPayload,
} from '../../platform/events/topics';
