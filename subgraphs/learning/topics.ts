/** Topics learning publishes; consumers elsewhere rely on these names and payloads. */
export const LearningTopics = {
  enrollmentCreated: 'learning.enrollment.created',
} as const;

export interface EnrollmentCreatedPayload {
  enrollmentId: string;
  userId: string;
  courseId: string;
}
