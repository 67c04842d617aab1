import {
  allow,
  federationRules,
  hasRole,
  isAuthenticated,
  isSelfOr,
  type SubgraphPermissions,
} from '../../platform/permissions';

/**
 * Who may ask learning for what; unlisted fields are denied. The catalog and certificate verification
 * are public. Finer checks stay in the services, which __resolveReference uses too: drafts only for
 * their instructor/admins (canSeeCourse), lesson bodies only when the lesson is open, enrolments,
 * progress and attempts only for their learner, figures only for the course's instructor or admins.
 */
const author = hasRole('INSTRUCTOR', 'ADMIN');
const admin = hasRole('ADMIN');

export const learningPermissions: SubgraphPermissions = {
  Query: {
    ...federationRules,
    courses: allow,
    course: allow,
    courseBySlug: allow,
    verifyCertificate: allow,
    taughtCourses: isAuthenticated,
    // Instructors see their own courses' figures (assertCanAuthor), admins all.
    courseAnalytics: author,
    learningAnalytics: admin,
    // The course's own instructor (checked in services/assignments) or an admin.
    assignmentSubmissions: author,
  },
  Mutation: {
    enroll: isAuthenticated,
    recordLessonHeartbeat: isAuthenticated,
    completeLesson: isAuthenticated,
    startAssessmentAttempt: isAuthenticated,
    submitAssessmentAttempt: isAuthenticated,
    // Instructors author (their own courses, checked in services/courseAccess), admins anything.
    createCourse: author,
    updateCourse: author,
    addModule: author,
    renameModule: author,
    addLesson: author,
    updateLesson: author,
    setLessonVideo: author,
    setLessonAssessment: author,
    publishCourse: author,
    archiveCourse: author,
    deleteModule: author,
    deleteLesson: author,
    reorderModules: author,
    reorderLessons: author,
    // Enrolled learners (checked in services/assignments, as for lessons).
    submitAssignment: isAuthenticated,
    gradeAssignment: author,
  },
  // A learner's records: the user themself or an admin (the services refuse others the same way).
  User: { id: allow, enrollments: isSelfOr('ADMIN'), certificates: isSelfOr('ADMIN') },
  Enrollment: isAuthenticated,
  LessonProgress: isAuthenticated,
  AssessmentAttempt: isAuthenticated,
  AttemptResult: isAuthenticated,
  QuestionReview: isAuthenticated,
  Question: isAuthenticated,
  Choice: isAuthenticated,
  AuthoredQuestion: author,
  AuthoredChoice: author,
  CourseAnalytics: author,
  LearningAnalytics: admin,
  LearningDailyCount: admin,
  CourseEnrollmentStat: admin,
  // The learner's own (viewerSubmission) or, for graders, their course's (assignmentSubmissions).
  AssignmentSubmission: isAuthenticated,
  // The public catalog; `viewer*` fields answer null/[] to anonymous callers, lesson bodies and
  // videos null while the lesson is locked (services/lessonAccess).
  Course: allow,
  Module: allow,
  Lesson: allow,
  LessonAccess: allow,
  VideoAsset: allow,
  Caption: allow,
  Assessment: { '*': allow, authoredQuestions: author },
  CourseConnection: allow,
  CourseEdge: allow,
  CourseFacets: allow,
  FacetValue: allow,
  PageInfo: allow,
  Money: allow,
  // Certificates are public by design: anyone may verify a code.
  Certificate: allow,
  CertificateVerification: allow,
};
