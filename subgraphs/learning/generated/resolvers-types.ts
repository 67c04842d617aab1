import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Course as CourseModel, Module as ModuleModel, Lesson as LessonModel, Enrollment as EnrollmentModel, LessonProgress as LessonProgressModel, VideoAsset as VideoAssetModel, Assessment as AssessmentModel, Question as QuestionModel, AssessmentAttempt as AssessmentAttemptModel, Certificate as CertificateModel, AssignmentSubmission as AssignmentSubmissionModel } from '../../../platform/prisma/generated/client';
import type { CoursePage as CoursePageModel, FacetRequest as FacetRequestModel } from '../services/catalog';
import type { CourseFigures as CourseFiguresModel } from '../services/analytics';
import type { AnalyticsRange as AnalyticsRangeModel } from '../services/learningAnalytics';
import type { CertificateCheck as CertificateCheckModel } from '../services/certificates';
import type { GradedAttempt as GradedAttemptModel } from '../services/grading';
import type { EntityRef as EntityRefModel } from '../../../platform/federation';
import type { LearningContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  DateTime: { input: Date; output: Date; }
  _FieldSet: { input: unknown; output: unknown; }
};

export type AnswerInput = {
  /** SINGLE_CHOICE (exactly one) and MULTIPLE_CHOICE questions. */
  choiceIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** NUMERIC questions, a decimal string. */
  number?: InputMaybe<Scalars['String']['input']>;
  questionId: Scalars['ID']['input'];
};

export type Assessment = {
  __typename?: 'Assessment';
  /** The questions with their answers: the course's instructor and admins only (FORBIDDEN otherwise). */
  authoredQuestions: Array<AuthoredQuestion>;
  id: Scalars['ID']['output'];
  lessonId: Scalars['ID']['output'];
  /** null: unlimited. */
  maxAttempts: Maybe<Scalars['Int']['output']>;
  passingScorePercent: Scalars['Int']['output'];
  questionCount: Scalars['Int']['output'];
  /** null: untimed. */
  timeLimitSeconds: Maybe<Scalars['Int']['output']>;
  /** The viewer's attempts, oldest first. */
  viewerAttempts: Array<AssessmentAttempt>;
};

export type AssessmentAttempt = {
  __typename?: 'AssessmentAttempt';
  deadlineAt: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  number: Scalars['Int']['output'];
  questions: Array<Question>;
  /** Null until submitted. */
  result: Maybe<AttemptResult>;
  startedAt: Scalars['DateTime']['output'];
  status: AttemptStatus;
  submittedAt: Maybe<Scalars['DateTime']['output']>;
};

export type AssessmentInput = {
  maxAttempts?: InputMaybe<Scalars['Int']['input']>;
  passingScorePercent: Scalars['Int']['input'];
  /** Replaces the questions (refused once learners have attempted it). */
  questions: Array<QuestionInput>;
  timeLimitSeconds?: InputMaybe<Scalars['Int']['input']>;
};

export type AssignmentGradeInput = {
  feedback?: InputMaybe<Scalars['String']['input']>;
  /** 0-100; at or above the lesson's passingScore completes the lesson. */
  score: Scalars['Int']['input'];
};

/** A learner's work on an ASSIGNMENT lesson; resubmitting replaces it until it is graded. */
export type AssignmentSubmission = {
  __typename?: 'AssignmentSubmission';
  feedback: Maybe<Scalars['String']['output']>;
  gradedAt: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  learner: User;
  lessonId: Scalars['ID']['output'];
  /** Null until graded; a passing grade completes the lesson. */
  passed: Maybe<Scalars['Boolean']['output']>;
  /** 0-100, once graded. */
  score: Maybe<Scalars['Int']['output']>;
  submittedAt: Scalars['DateTime']['output'];
  text: Maybe<Scalars['String']['output']>;
  url: Maybe<Scalars['String']['output']>;
};

export type AssignmentSubmissionInput = {
  /** The answer itself (Markdown); text, url or both. */
  text?: InputMaybe<Scalars['String']['input']>;
  /** https link to the work (repository, document, sheet). */
  url?: InputMaybe<Scalars['String']['input']>;
};

export type AttemptResult = {
  __typename?: 'AttemptResult';
  passed: Scalars['Boolean']['output'];
  review: Array<QuestionReview>;
  scorePercent: Scalars['Int']['output'];
};

export type AttemptStatus =
  /** Submitted after the time limit: graded 0. */
  | 'EXPIRED'
  | 'IN_PROGRESS'
  | 'SUBMITTED';

export type AuthoredChoice = {
  __typename?: 'AuthoredChoice';
  correct: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  label: Scalars['String']['output'];
};

/** A question with its answers, for its course's instructor and admins. */
export type AuthoredQuestion = {
  __typename?: 'AuthoredQuestion';
  choices: Array<AuthoredChoice>;
  correctNumber: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: QuestionKind;
  numericTolerance: Scalars['String']['output'];
  points: Scalars['Int']['output'];
  position: Scalars['Int']['output'];
  prompt: Scalars['String']['output'];
};

export type Caption = {
  __typename?: 'Caption';
  language: Scalars['String']['output'];
  url: Scalars['String']['output'];
};

export type CaptionInput = {
  language: Scalars['String']['input'];
  url: Scalars['String']['input'];
};

export type Certificate = {
  __typename?: 'Certificate';
  /** Public verification code: anyone can check it with Query.verifyCertificate. */
  code: Scalars['String']['output'];
  course: Course;
  holder: User;
  id: Scalars['ID']['output'];
  issuedAt: Scalars['DateTime']['output'];
  revokedAt: Maybe<Scalars['DateTime']['output']>;
  status: CertificateStatus;
};

export type CertificateStatus =
  | 'REVOKED'
  | 'VALID';

/** What anyone, signed in or not, learns from a verification code. */
export type CertificateVerification = {
  __typename?: 'CertificateVerification';
  code: Scalars['String']['output'];
  courseTitle: Maybe<Scalars['String']['output']>;
  holder: Maybe<User>;
  issuedAt: Maybe<Scalars['DateTime']['output']>;
  revokedAt: Maybe<Scalars['DateTime']['output']>;
  /** null when no certificate has this code. */
  status: Maybe<CertificateStatus>;
  /** true only for an issued, unrevoked certificate. */
  valid: Scalars['Boolean']['output'];
};

export type Choice = {
  __typename?: 'Choice';
  id: Scalars['ID']['output'];
  label: Scalars['String']['output'];
};

export type ChoiceInput = {
  correct: Scalars['Boolean']['input'];
  label: Scalars['String']['input'];
};

export type Course = {
  __typename?: 'Course';
  category: Scalars['String']['output'];
  /** Markdown. */
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  instructor: User;
  /** A demo course created by the development seed (never present in production). */
  isDemo: Scalars['Boolean']['output'];
  isFree: Scalars['Boolean']['output'];
  lessonCount: Scalars['Int']['output'];
  level: CourseLevel;
  modules: Array<Module>;
  price: Money;
  publishedAt: Maybe<Scalars['DateTime']['output']>;
  slug: Scalars['String']['output'];
  status: CourseStatus;
  summary: Scalars['String']['output'];
  tags: Array<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  /** The viewer's enrolment; null when anonymous or not enrolled. */
  viewerEnrollment: Maybe<Enrollment>;
};

/** Course figures for its instructor and admins. Billing adds revenue through this entity. */
export type CourseAnalytics = {
  __typename?: 'CourseAnalytics';
  activeEnrollments: Scalars['Int']['output'];
  /** Mean progress of active and completed enrolments, 0 without enrolments. */
  averageProgress: Scalars['Float']['output'];
  cancelledEnrollments: Scalars['Int']['output'];
  completedEnrollments: Scalars['Int']['output'];
  /** completed / (active + completed), 0 without enrolments. */
  completionRate: Scalars['Float']['output'];
  course: Course;
  courseId: Scalars['ID']['output'];
  /** Every enrolment ever made, cancelled ones included. */
  enrollments: Scalars['Int']['output'];
};

export type CourseConnection = {
  __typename?: 'CourseConnection';
  edges: Array<CourseEdge>;
  facets: CourseFacets;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type CourseEdge = {
  __typename?: 'CourseEdge';
  cursor: Scalars['String']['output'];
  node: Course;
};

export type CourseEnrollmentStat = {
  __typename?: 'CourseEnrollmentStat';
  completionRate: Scalars['Float']['output'];
  completions: Scalars['Int']['output'];
  course: Course;
  enrollments: Scalars['Int']['output'];
};

/** Counts over the filtered catalog; each facet ignores its own filter, so other values stay selectable. */
export type CourseFacets = {
  __typename?: 'CourseFacets';
  categories: Array<FacetValue>;
  levels: Array<FacetValue>;
  tags: Array<FacetValue>;
};

export type CourseFilter = {
  category?: InputMaybe<Scalars['String']['input']>;
  /** true: only free courses; false: only paid ones. */
  free?: InputMaybe<Scalars['Boolean']['input']>;
  level?: InputMaybe<CourseLevel>;
  /** Courses priced at most this many rupees, as a decimal string ("25000.00"). */
  priceMax?: InputMaybe<Scalars['String']['input']>;
  /** Deprecated alias of text. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Courses carrying every one of these tags. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Case-insensitive match on title, summary and description (at most 100 characters). */
  text?: InputMaybe<Scalars['String']['input']>;
};

export type CourseLevel =
  | 'ADVANCED'
  | 'BEGINNER'
  | 'INTERMEDIATE';

export type CourseOrder =
  | 'NEWEST'
  | 'PRICE_ASC'
  | 'PRICE_DESC'
  | 'TITLE';

/** DRAFT: only its instructor and admins see it. PUBLISHED: in the catalog. ARCHIVED: out of the catalog, still open to its enrolments. */
export type CourseStatus =
  | 'ARCHIVED'
  | 'DRAFT'
  | 'PUBLISHED';

export type CreateCourseInput = {
  category: Scalars['String']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  level: CourseLevel;
  /** Rupees as a decimal string: "0" (free) or from "24000.00" to "800000.00". */
  price: Scalars['String']['input'];
  /** Lower-case letters, digits and hyphens; unique. */
  slug: Scalars['String']['input'];
  summary: Scalars['String']['input'];
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  title: Scalars['String']['input'];
};

export type Enrollment = {
  __typename?: 'Enrollment';
  /** Drip release counts from here. */
  activatedAt: Scalars['DateTime']['output'];
  cancelledAt: Maybe<Scalars['DateTime']['output']>;
  certificate: Maybe<Certificate>;
  completedAt: Maybe<Scalars['DateTime']['output']>;
  completedLessonCount: Scalars['Int']['output'];
  course: Course;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** Completed required lessons / required lessons, from 0 to 1 (1 for a course without required lessons). */
  progress: Scalars['Float']['output'];
  requiredLessonCount: Scalars['Int']['output'];
  source: EnrollmentSource;
  status: EnrollmentStatus;
};

export type EnrollmentSource =
  | 'FREE'
  | 'GRANT'
  | 'PURCHASE';

export type EnrollmentStatus =
  | 'ACTIVE'
  | 'CANCELLED'
  | 'COMPLETED';

export type FacetValue = {
  __typename?: 'FacetValue';
  count: Scalars['Int']['output'];
  value: Scalars['String']['output'];
};

export type LearningAnalytics = {
  __typename?: 'LearningAnalytics';
  /** Mean course progress (0..1) of the range's enrolments (0 when there are none). */
  averageProgress: Scalars['Float']['output'];
  /** Completed / enrolments of the range (0 when there are none). */
  completionRate: Scalars['Float']['output'];
  /** Enrolments per UTC day, days without any left out, ascending. */
  enrollmentsByDay: Array<LearningDailyCount>;
  /** Courses by enrolments in the range, most first (ties by course id). */
  topCourses: Array<CourseEnrollmentStat>;
};


export type LearningAnalyticsTopCoursesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type LearningDailyCount = {
  __typename?: 'LearningDailyCount';
  count: Scalars['Int']['output'];
  /** YYYY-MM-DD (UTC). */
  day: Scalars['String']['output'];
};

export type Lesson = {
  __typename?: 'Lesson';
  /** Whether the viewer can open the lesson now; when not, why and when it unlocks. */
  access: LessonAccess;
  /** Quiz lessons' assessment (settings only; questions come with an attempt). */
  assessment: Maybe<Assessment>;
  /** Text lessons and assignment briefs (Markdown); null while the lesson is locked for the viewer. */
  body: Maybe<Scalars['String']['output']>;
  durationSeconds: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  /** Free preview: open without an enrolment. */
  isFree: Scalars['Boolean']['output'];
  kind: LessonKind;
  /** ASSIGNMENT lessons: the score that passes; null for other kinds. */
  passingScore: Maybe<Scalars['Int']['output']>;
  position: Scalars['Int']['output'];
  /** Drip release: the lesson opens this many days after enrolment. */
  releaseAfterDays: Scalars['Int']['output'];
  /** Required lessons count towards course progress and the certificate. */
  required: Scalars['Boolean']['output'];
  title: Scalars['String']['output'];
  /** Null while the lesson is locked for the viewer, or for lessons without a video. */
  video: Maybe<VideoAsset>;
  /** The viewer's progress; null when anonymous or not started. */
  viewerProgress: Maybe<LessonProgress>;
  /** ASSIGNMENT lessons: the viewer's submission, if any. */
  viewerSubmission: Maybe<AssignmentSubmission>;
};

export type LessonAccess = {
  __typename?: 'LessonAccess';
  open: Scalars['Boolean']['output'];
  reason: Maybe<LessonLockReason>;
  /** When a drip-released lesson opens for this viewer. */
  unlocksAt: Maybe<Scalars['DateTime']['output']>;
};

export type LessonInput = {
  body?: InputMaybe<Scalars['String']['input']>;
  durationSeconds: Scalars['Int']['input'];
  isFree?: InputMaybe<Scalars['Boolean']['input']>;
  kind: LessonKind;
  /** ASSIGNMENT lessons: the score (0-100) that passes; 50 unless given. */
  passingScore?: InputMaybe<Scalars['Int']['input']>;
  releaseAfterDays?: InputMaybe<Scalars['Int']['input']>;
  required?: InputMaybe<Scalars['Boolean']['input']>;
  title: Scalars['String']['input'];
};

export type LessonKind =
  | 'ASSIGNMENT'
  | 'QUIZ'
  | 'TEXT'
  | 'VIDEO';

export type LessonLockReason =
  /** Not enrolled (or the enrolment was cancelled) and not a free preview. */
  | 'ENROLLMENT_REQUIRED'
  /** Enrolled, but drip release opens it later (see unlocksAt). */
  | 'NOT_YET_RELEASED';

export type LessonProgress = {
  __typename?: 'LessonProgress';
  completed: Scalars['Boolean']['output'];
  completedAt: Maybe<Scalars['DateTime']['output']>;
  lessonId: Scalars['ID']['output'];
  /** Where the player was at the last heartbeat (for resuming). */
  positionSeconds: Scalars['Int']['output'];
  startedAt: Scalars['DateTime']['output'];
  /** Time spent on the lesson: watching (video) or reading (text), credited from heartbeats, at most its duration. */
  timeSpentSeconds: Scalars['Int']['output'];
  /** Seconds actually watched, credited from heartbeats and bounded by wall-clock time between them. */
  watchedSeconds: Scalars['Int']['output'];
};

export type Module = {
  __typename?: 'Module';
  id: Scalars['ID']['output'];
  lessons: Array<Lesson>;
  position: Scalars['Int']['output'];
  title: Scalars['String']['output'];
};

/** An exact amount: `amount` is a decimal string in major units ("2999.00"), never a float. */
export type Money = {
  __typename?: 'Money';
  amount: Scalars['String']['output'];
  currency: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  addLesson: Lesson;
  addModule: Module;
  /** ADMIN: takes a course out of the catalog; its enrolments keep their access. */
  archiveCourse: Course;
  /** Marks a TEXT lesson done (videos complete by watching, quizzes by passing, assignments by a passing grade). */
  completeLesson: LessonProgress;
  /** INSTRUCTOR: a new DRAFT course taught by the viewer. */
  createCourse: Course;
  /** Deletes a lesson (CONFLICT once learners have submitted work in it); the rest close up. */
  deleteLesson: Module;
  /** Deletes a module and its lessons (CONFLICT once learners have submitted work in them); the rest close up. */
  deleteModule: Course;
  /** Enrols the signed-in user in a free course; paid courses are enrolled when billing reports the payment. */
  enroll: Enrollment;
  /** The course's instructor (or an admin) grades a submission; a passing score completes the lesson. */
  gradeAssignment: AssignmentSubmission;
  /** Checks completeness (BAD_USER_INPUT with `problems` when something is missing), then publishes. */
  publishCourse: Course;
  /** Sent every few seconds while a video plays (completes the lesson once enough has really been watched) or while a text lesson is open (reading time; positionSeconds is the reader's elapsed seconds). */
  recordLessonHeartbeat: LessonProgress;
  renameModule: Module;
  /** Puts the module's lessons in this order: every lesson id exactly once. */
  reorderLessons: Module;
  /** Puts the course's modules in this order: every module id exactly once. */
  reorderModules: Course;
  /** QUIZ lessons: creates or replaces the assessment. */
  setLessonAssessment: Assessment;
  setLessonVideo: Lesson;
  startAssessmentAttempt: AssessmentAttempt;
  submitAssessmentAttempt: AssessmentAttempt;
  /** The enrolled learner hands in (or replaces, until graded) their work on an ASSIGNMENT lesson. */
  submitAssignment: AssignmentSubmission;
  updateCourse: Course;
  updateLesson: Lesson;
};


export type MutationAddLessonArgs = {
  input: LessonInput;
  moduleId: Scalars['ID']['input'];
};


export type MutationAddModuleArgs = {
  courseId: Scalars['ID']['input'];
  title: Scalars['String']['input'];
};


export type MutationArchiveCourseArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCompleteLessonArgs = {
  lessonId: Scalars['ID']['input'];
};


export type MutationCreateCourseArgs = {
  input: CreateCourseInput;
};


export type MutationDeleteLessonArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteModuleArgs = {
  id: Scalars['ID']['input'];
};


export type MutationEnrollArgs = {
  courseId: Scalars['ID']['input'];
};


export type MutationGradeAssignmentArgs = {
  input: AssignmentGradeInput;
  submissionId: Scalars['ID']['input'];
};


export type MutationPublishCourseArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRecordLessonHeartbeatArgs = {
  lessonId: Scalars['ID']['input'];
  positionSeconds: Scalars['Int']['input'];
};


export type MutationRenameModuleArgs = {
  id: Scalars['ID']['input'];
  title: Scalars['String']['input'];
};


export type MutationReorderLessonsArgs = {
  lessonIds: Array<Scalars['ID']['input']>;
  moduleId: Scalars['ID']['input'];
};


export type MutationReorderModulesArgs = {
  courseId: Scalars['ID']['input'];
  moduleIds: Array<Scalars['ID']['input']>;
};


export type MutationSetLessonAssessmentArgs = {
  input: AssessmentInput;
  lessonId: Scalars['ID']['input'];
};


export type MutationSetLessonVideoArgs = {
  input: VideoAssetInput;
  lessonId: Scalars['ID']['input'];
};


export type MutationStartAssessmentAttemptArgs = {
  assessmentId: Scalars['ID']['input'];
};


export type MutationSubmitAssessmentAttemptArgs = {
  answers: Array<AnswerInput>;
  attemptId: Scalars['ID']['input'];
};


export type MutationSubmitAssignmentArgs = {
  input: AssignmentSubmissionInput;
  lessonId: Scalars['ID']['input'];
};


export type MutationUpdateCourseArgs = {
  id: Scalars['ID']['input'];
  input: UpdateCourseInput;
};


export type MutationUpdateLessonArgs = {
  id: Scalars['ID']['input'];
  input: UpdateLessonInput;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** The course's instructor and admins: submissions of an ASSIGNMENT lesson, oldest first. */
  assignmentSubmissions: Array<AssignmentSubmission>;
  /** Exactly one of id and slug. Drafts only for their instructor and admins. */
  course: Maybe<Course>;
  /** The course's instructor and admins. */
  courseAnalytics: CourseAnalytics;
  courseBySlug: Maybe<Course>;
  /** Published courses (Relay connection; at most 100 per page), newest first unless orderBy says otherwise. */
  courses: CourseConnection;
  /** ADMIN: enrolments made in [from, to) (refunded ones left out), their completion and progress. */
  learningAnalytics: LearningAnalytics;
  /** Courses the viewer teaches, every status (INSTRUCTOR); admins see everyone's. */
  taughtCourses: Array<Course>;
  /** Anyone, signed in or not. */
  verifyCertificate: CertificateVerification;
};


export type QueryAssignmentSubmissionsArgs = {
  lessonId: Scalars['ID']['input'];
  ungradedOnly?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryCourseArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};


export type QueryCourseAnalyticsArgs = {
  courseId: Scalars['ID']['input'];
};


export type QueryCourseBySlugArgs = {
  slug: Scalars['String']['input'];
};


export type QueryCoursesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CourseFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<CourseOrder>;
};


export type QueryLearningAnalyticsArgs = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};


export type QueryVerifyCertificateArgs = {
  code: Scalars['String']['input'];
};

/** A question as a learner sees it. It has no field that could carry the answer. */
export type Question = {
  __typename?: 'Question';
  /** Empty for NUMERIC questions. */
  choices: Array<Choice>;
  id: Scalars['ID']['output'];
  kind: QuestionKind;
  points: Scalars['Int']['output'];
  position: Scalars['Int']['output'];
  prompt: Scalars['String']['output'];
};

export type QuestionInput = {
  /** SINGLE_CHOICE: 2+ choices, exactly one correct; MULTIPLE_CHOICE: 2+ choices, at least one correct. */
  choices?: InputMaybe<Array<ChoiceInput>>;
  /** NUMERIC: the answer as a decimal string. */
  correctNumber?: InputMaybe<Scalars['String']['input']>;
  kind: QuestionKind;
  /** NUMERIC: accepted distance from the answer. */
  numericTolerance?: InputMaybe<Scalars['String']['input']>;
  points?: InputMaybe<Scalars['Int']['input']>;
  prompt: Scalars['String']['input'];
};

export type QuestionKind =
  | 'MULTIPLE_CHOICE'
  | 'NUMERIC'
  | 'SINGLE_CHOICE';

export type QuestionReview = {
  __typename?: 'QuestionReview';
  correct: Scalars['Boolean']['output'];
  /** Revealed once the learner has passed or has no attempts left; null before, so retries cannot copy it. */
  correctChoiceIds: Maybe<Array<Scalars['ID']['output']>>;
  correctNumber: Maybe<Scalars['String']['output']>;
  pointsAwarded: Scalars['Int']['output'];
  questionId: Scalars['ID']['output'];
};

export type UpdateCourseInput = {
  category?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  level?: InputMaybe<CourseLevel>;
  price?: InputMaybe<Scalars['String']['input']>;
  summary?: InputMaybe<Scalars['String']['input']>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  title?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateLessonInput = {
  body?: InputMaybe<Scalars['String']['input']>;
  durationSeconds?: InputMaybe<Scalars['Int']['input']>;
  isFree?: InputMaybe<Scalars['Boolean']['input']>;
  passingScore?: InputMaybe<Scalars['Int']['input']>;
  releaseAfterDays?: InputMaybe<Scalars['Int']['input']>;
  required?: InputMaybe<Scalars['Boolean']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

export type User = {
  __typename?: 'User';
  /** The user's certificates (admins see anyone's). */
  certificates: Array<Certificate>;
  /** The user's own enrolments (admins see anyone's). */
  enrollments: Array<Enrollment>;
  id: Scalars['ID']['output'];
};

export type VideoAsset = {
  __typename?: 'VideoAsset';
  captions: Array<Caption>;
  durationSeconds: Scalars['Int']['output'];
  transcript: Scalars['String']['output'];
  url: Scalars['String']['output'];
};

export type VideoAssetInput = {
  captions?: InputMaybe<Array<CaptionInput>>;
  durationSeconds: Scalars['Int']['input'];
  transcript?: InputMaybe<Scalars['String']['input']>;
  /** https URL of the stream or file. */
  url: Scalars['String']['input'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Course: Course;
  CourseAnalytics: CourseAnalytics;
  User: User;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Course:
    ( { __typename: 'Course' }
    & GraphQLRecursivePick<FederationTypes['Course'], {"id":true}> );
  CourseAnalytics:
    ( { __typename: 'CourseAnalytics' }
    & GraphQLRecursivePick<FederationTypes['CourseAnalytics'], {"courseId":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AnswerInput: AnswerInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Assessment: ResolverTypeWrapper<AssessmentModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AssessmentAttempt: ResolverTypeWrapper<AssessmentAttemptModel>;
  AssessmentInput: AssessmentInput;
  AssignmentGradeInput: AssignmentGradeInput;
  AssignmentSubmission: ResolverTypeWrapper<AssignmentSubmissionModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  AssignmentSubmissionInput: AssignmentSubmissionInput;
  AttemptResult: ResolverTypeWrapper<GradedAttemptModel>;
  AttemptStatus: AttemptStatus;
  AuthoredChoice: ResolverTypeWrapper<AuthoredChoice>;
  AuthoredQuestion: ResolverTypeWrapper<QuestionModel>;
  Caption: ResolverTypeWrapper<Caption>;
  CaptionInput: CaptionInput;
  Certificate: ResolverTypeWrapper<CertificateModel>;
  CertificateStatus: CertificateStatus;
  CertificateVerification: ResolverTypeWrapper<CertificateCheckModel>;
  Choice: ResolverTypeWrapper<Choice>;
  ChoiceInput: ChoiceInput;
  Course: ResolverTypeWrapper<CourseModel>;
  CourseAnalytics: ResolverTypeWrapper<CourseFiguresModel>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  CourseConnection: ResolverTypeWrapper<CoursePageModel>;
  CourseEdge: ResolverTypeWrapper<Omit<CourseEdge, 'node'> & { node: ResolversTypes['Course'] }>;
  CourseEnrollmentStat: ResolverTypeWrapper<Omit<CourseEnrollmentStat, 'course'> & { course: ResolversTypes['Course'] }>;
  CourseFacets: ResolverTypeWrapper<FacetRequestModel>;
  CourseFilter: CourseFilter;
  CourseLevel: CourseLevel;
  CourseOrder: CourseOrder;
  CourseStatus: CourseStatus;
  CreateCourseInput: CreateCourseInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Enrollment: ResolverTypeWrapper<EnrollmentModel>;
  EnrollmentSource: EnrollmentSource;
  EnrollmentStatus: EnrollmentStatus;
  FacetValue: ResolverTypeWrapper<FacetValue>;
  LearningAnalytics: ResolverTypeWrapper<AnalyticsRangeModel>;
  LearningDailyCount: ResolverTypeWrapper<LearningDailyCount>;
  Lesson: ResolverTypeWrapper<LessonModel>;
  LessonAccess: ResolverTypeWrapper<LessonAccess>;
  LessonInput: LessonInput;
  LessonKind: LessonKind;
  LessonLockReason: LessonLockReason;
  LessonProgress: ResolverTypeWrapper<LessonProgressModel>;
  Module: ResolverTypeWrapper<ModuleModel>;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Question: ResolverTypeWrapper<QuestionModel>;
  QuestionInput: QuestionInput;
  QuestionKind: QuestionKind;
  QuestionReview: ResolverTypeWrapper<QuestionReview>;
  UpdateCourseInput: UpdateCourseInput;
  UpdateLessonInput: UpdateLessonInput;
  User: ResolverTypeWrapper<EntityRefModel>;
  VideoAsset: ResolverTypeWrapper<VideoAssetModel>;
  VideoAssetInput: VideoAssetInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AnswerInput: AnswerInput;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  Assessment: AssessmentModel;
  Int: Scalars['Int']['output'];
  AssessmentAttempt: AssessmentAttemptModel;
  AssessmentInput: AssessmentInput;
  AssignmentGradeInput: AssignmentGradeInput;
  AssignmentSubmission: AssignmentSubmissionModel;
  Boolean: Scalars['Boolean']['output'];
  AssignmentSubmissionInput: AssignmentSubmissionInput;
  AttemptResult: GradedAttemptModel;
  AuthoredChoice: AuthoredChoice;
  AuthoredQuestion: QuestionModel;
  Caption: Caption;
  CaptionInput: CaptionInput;
  Certificate: CertificateModel;
  CertificateVerification: CertificateCheckModel;
  Choice: Choice;
  ChoiceInput: ChoiceInput;
  Course: CourseModel;
  CourseAnalytics: CourseFiguresModel;
  Float: Scalars['Float']['output'];
  CourseConnection: CoursePageModel;
  CourseEdge: Omit<CourseEdge, 'node'> & { node: ResolversParentTypes['Course'] };
  CourseEnrollmentStat: Omit<CourseEnrollmentStat, 'course'> & { course: ResolversParentTypes['Course'] };
  CourseFacets: FacetRequestModel;
  CourseFilter: CourseFilter;
  CreateCourseInput: CreateCourseInput;
  DateTime: Scalars['DateTime']['output'];
  Enrollment: EnrollmentModel;
  FacetValue: FacetValue;
  LearningAnalytics: AnalyticsRangeModel;
  LearningDailyCount: LearningDailyCount;
  Lesson: LessonModel;
  LessonAccess: LessonAccess;
  LessonInput: LessonInput;
  LessonProgress: LessonProgressModel;
  Module: ModuleModel;
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  Question: QuestionModel;
  QuestionInput: QuestionInput;
  QuestionReview: QuestionReview;
  UpdateCourseInput: UpdateCourseInput;
  UpdateLessonInput: UpdateLessonInput;
  User: EntityRefModel;
  VideoAsset: VideoAssetModel;
  VideoAssetInput: VideoAssetInput;
};

export type AssessmentResolvers<ContextType = LearningContext, ParentType extends ResolversParentTypes['Assessment'] = ResolversParentTypes['Assessment']> = {
  authoredQuestions?: Resolver<Array<ResolversTypes['AuthoredQuestion']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lessonId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  maxAttempts?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  passingScorePercent?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  questionCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  timeLimitSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  viewerAttempts?: Resolver<Array<ResolversTypes['AssessmentAttempt']>, ParentType, ContextType>;
};

export type AssessmentAttemptResolvers<ContextType = LearningContext, ParentType extends ResolversParentTypes['AssessmentAttempt'] = ResolversParentTypes['AssessmentAttempt']> = {
  deadlineAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  questions?: Resolver<Array<ResolversTypes['Question']>, ParentType, ContextType>;
  result?: Resolver<Maybe<ResolversTypes['AttemptResult']>, ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['AttemptStatus'], ParentType, ContextType>;
  submittedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type AssignmentSubmissionResolvers<ContextType = LearningContext, ParentType extends ResolversParentTypes['AssignmentSubmission'] = ResolversParentTypes['AssignmentSubmission']> = {
  feedback?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  gradedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  learner?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  lessonId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  passed?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  score?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  submittedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  text?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AttemptResultResolvers<ContextType = LearningContext, ParentType extends ResolversParentTypes['AttemptResult'] = ResolversParentTypes['AttemptResult']> = {
  passed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  review?: Resolver<Array<ResolversTypes['QuestionReview']>, ParentType, ContextType>;
  scorePercent?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AuthoredChoiceResolvers<ContextType = LearningContext, ParentType extends ResolversParentTypes['AuthoredChoice'] = ResolversParentTypes['AuthoredChoice']> = {
  correct?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AuthoredQuestionResolvers<ContextType = LearningContext, ParentType extends ResolversParentTypes['AuthoredQuestion'] = ResolversParentTypes['AuthoredQuestion']> = {
  choices?: Resolver<Array<ResolversTypes['AuthoredChoice']>, ParentType, ContextType>;
  correctNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['QuestionKind'], ParentType, ContextType>;
  numericTolerance?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  points?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  prompt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CaptionResolvers<ContextType = LearningContext, ParentType extends ResolversParentTypes['Caption'] = ResolversParentTypes['Caption']> = {
  language?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CertificateResolvers<ContextType = LearningContext, ParentType extends ResolversParentTypes['Certificate'] = ResolversParentTypes['Certificate']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  course?: Resolver<ResolversTypes['Course'], ParentType, ContextType>;
  holder?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issuedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CertificateStatus'], ParentType, ContextType>;
};

export type CertificateVerificationResolvers<ContextType = LearningContext, ParentType extends ResolversParentTypes['CertificateVerification'] = ResolversParentTypes['CertificateVerification']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  courseTitle?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  holder?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  issuedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['CertificateStatus']>, ParentType, ContextType>;
  valid?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ChoiceResolvers<ContextType = LearningContext, ParentType extends ResolversParentTypes['Choice'] = ResolversParentTypes['Choice']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CourseResolvers<ContextType = LearningContext, ParentType extends ResolversParentTypes['Course'] = ResolversParentTypes['Course'], FederationReferenceType extends FederationReferenceTypes['Course'] = FederationReferenceTypes['Course']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Course']> | FederationReferenceType, FederationReferenceType, ContextType>;
  category?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  instructor?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  isDemo?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  isFree?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  lessonCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['CourseLevel'], ParentType, ContextType>;
  modules?: Resolver<Array<ResolversTypes['Module']>, ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  publishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CourseStatus'], ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  viewerEnrollment?: Resolver<Maybe<ResolversTypes['Enrollment']>, ParentType, ContextType>;
};

export type CourseAnalyticsResolvers<ContextType = LearningContext, ParentType extends ResolversParentTypes['CourseAnalytics'] = ResolversParentTypes['CourseAnalytics'], FederationReferenceType extends FederationReferenceTypes['CourseAnalytics'] = FederationReferenceTypes['CourseAnalytics']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['CourseAnalytics']> | FederationReferenceType, FederationReferenceType, ContextType>;
  activeEnrollments?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  averageProgress?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  cancelledEnrollments?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  completedEnrollments?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  completionRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  course?: Resolver<ResolversTypes['Course'], ParentType, ContextType>;
  courseId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  enrollments?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CourseConnectionResolvers<ContextType = LearningContext, ParentType extends ResolversParentTypes['CourseConnection'] = ResolversParentTypes['CourseConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CourseEdge']>, ParentType, ContextType>;
  facets?: Resolver<ResolversTypes['CourseFacets'], ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CourseEdgeResolvers<ContextType = LearningContext, ParentType extends ResolversParentTypes['CourseEdge'] = ResolversParentTypes['CourseEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Course'], ParentType, ContextType>;
};

export type CourseEnrollmentStatResolvers<ContextType = LearningContext, ParentType extends ResolversParentTypes['CourseEnrollmentStat'] = ResolversParentTypes['CourseEnrollmentStat']> = {
  completionRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  completions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  course?: Resolver<ResolversTypes['Course'], ParentType, ContextType>;
  enrollments?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CourseFacetsResolvers<ContextType = LearningContext, ParentType extends ResolversParentTypes['CourseFacets'] = ResolversParentTypes['CourseFacets']> = {
  categories?: Resolver<Array<ResolversTypes['FacetValue']>, ParentType, ContextType>;
  levels?: Resolver<Array<ResolversTypes['FacetValue']>, ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['FacetValue']>, ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EnrollmentResolvers<ContextType = LearningContext, ParentType extends ResolversParentTypes['Enrollment'] = ResolversParentTypes['Enrollment']> = {
  activatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  cancelledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  certificate?: Resolver<Maybe<ResolversTypes['Certificate']>, ParentType, ContextType>;
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  completedLessonCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  course?: Resolver<ResolversTypes['Course'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  progress?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  requiredLessonCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['EnrollmentSource'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['EnrollmentStatus'], ParentType, ContextType>;
};

export type FacetValueResolvers<ContextType = LearningContext, ParentType extends ResolversParentTypes['FacetValue'] = ResolversParentTypes['FacetValue']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type LearningAnalyticsResolvers<ContextType = LearningContext, ParentType extends ResolversParentTypes['LearningAnalytics'] = ResolversParentTypes['LearningAnalytics']> = {
  averageProgress?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  completionRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  enrollmentsByDay?: Resolver<Array<ResolversTypes['LearningDailyCount']>, ParentType, ContextType>;
  topCourses?: Resolver<Array<ResolversTypes['CourseEnrollmentStat']>, ParentType, ContextType, RequireFields<LearningAnalyticsTopCoursesArgs, 'first'>>;
};

export type LearningDailyCountResolvers<ContextType = LearningContext, ParentType extends ResolversParentTypes['LearningDailyCount'] = ResolversParentTypes['LearningDailyCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  day?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type LessonResolvers<ContextType = LearningContext, ParentType extends ResolversParentTypes['Lesson'] = ResolversParentTypes['Lesson']> = {
  access?: Resolver<ResolversTypes['LessonAccess'], ParentType, ContextType>;
  assessment?: Resolver<Maybe<ResolversTypes['Assessment']>, ParentType, ContextType>;
  body?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  durationSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isFree?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['LessonKind'], ParentType, ContextType>;
  passingScore?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  releaseAfterDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  required?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  video?: Resolver<Maybe<ResolversTypes['VideoAsset']>, ParentType, ContextType>;
  viewerProgress?: Resolver<Maybe<ResolversTypes['LessonProgress']>, ParentType, ContextType>;
  viewerSubmission?: Resolver<Maybe<ResolversTypes['AssignmentSubmission']>, ParentType, ContextType>;
};

export type LessonAccessResolvers<ContextType = LearningContext, ParentType extends ResolversParentTypes['LessonAccess'] = ResolversParentTypes['LessonAccess']> = {
  open?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['LessonLockReason']>, ParentType, ContextType>;
  unlocksAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type LessonProgressResolvers<ContextType = LearningContext, ParentType extends ResolversParentTypes['LessonProgress'] = ResolversParentTypes['LessonProgress']> = {
  completed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lessonId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  positionSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  timeSpentSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  watchedSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ModuleResolvers<ContextType = LearningContext, ParentType extends ResolversParentTypes['Module'] = ResolversParentTypes['Module']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lessons?: Resolver<Array<ResolversTypes['Lesson']>, ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = LearningContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = LearningContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  addLesson?: Resolver<ResolversTypes['Lesson'], ParentType, ContextType, RequireFields<MutationAddLessonArgs, 'input' | 'moduleId'>>;
  addModule?: Resolver<ResolversTypes['Module'], ParentType, ContextType, RequireFields<MutationAddModuleArgs, 'courseId' | 'title'>>;
  archiveCourse?: Resolver<ResolversTypes['Course'], ParentType, ContextType, RequireFields<MutationArchiveCourseArgs, 'id'>>;
  completeLesson?: Resolver<ResolversTypes['LessonProgress'], ParentType, ContextType, RequireFields<MutationCompleteLessonArgs, 'lessonId'>>;
  createCourse?: Resolver<ResolversTypes['Course'], ParentType, ContextType, RequireFields<MutationCreateCourseArgs, 'input'>>;
  deleteLesson?: Resolver<ResolversTypes['Module'], ParentType, ContextType, RequireFields<MutationDeleteLessonArgs, 'id'>>;
  deleteModule?: Resolver<ResolversTypes['Course'], ParentType, ContextType, RequireFields<MutationDeleteModuleArgs, 'id'>>;
  enroll?: Resolver<ResolversTypes['Enrollment'], ParentType, ContextType, RequireFields<MutationEnrollArgs, 'courseId'>>;
  gradeAssignment?: Resolver<ResolversTypes['AssignmentSubmission'], ParentType, ContextType, RequireFields<MutationGradeAssignmentArgs, 'input' | 'submissionId'>>;
  publishCourse?: Resolver<ResolversTypes['Course'], ParentType, ContextType, RequireFields<MutationPublishCourseArgs, 'id'>>;
  recordLessonHeartbeat?: Resolver<ResolversTypes['LessonProgress'], ParentType, ContextType, RequireFields<MutationRecordLessonHeartbeatArgs, 'lessonId' | 'positionSeconds'>>;
  renameModule?: Resolver<ResolversTypes['Module'], ParentType, ContextType, RequireFields<MutationRenameModuleArgs, 'id' | 'title'>>;
  reorderLessons?: Resolver<ResolversTypes['Module'], ParentType, ContextType, RequireFields<MutationReorderLessonsArgs, 'lessonIds' | 'moduleId'>>;
  reorderModules?: Resolver<ResolversTypes['Course'], ParentType, ContextType, RequireFields<MutationReorderModulesArgs, 'courseId' | 'moduleIds'>>;
  setLessonAssessment?: Resolver<ResolversTypes['Assessment'], ParentType, ContextType, RequireFields<MutationSetLessonAssessmentArgs, 'input' | 'lessonId'>>;
  setLessonVideo?: Resolver<ResolversTypes['Lesson'], ParentType, ContextType, RequireFields<MutationSetLessonVideoArgs, 'input' | 'lessonId'>>;
  startAssessmentAttempt?: Resolver<ResolversTypes['AssessmentAttempt'], ParentType, ContextType, RequireFields<MutationStartAssessmentAttemptArgs, 'assessmentId'>>;
  submitAssessmentAttempt?: Resolver<ResolversTypes['AssessmentAttempt'], ParentType, ContextType, RequireFields<MutationSubmitAssessmentAttemptArgs, 'answers' | 'attemptId'>>;
  submitAssignment?: Resolver<ResolversTypes['AssignmentSubmission'], ParentType, ContextType, RequireFields<MutationSubmitAssignmentArgs, 'input' | 'lessonId'>>;
  updateCourse?: Resolver<ResolversTypes['Course'], ParentType, ContextType, RequireFields<MutationUpdateCourseArgs, 'id' | 'input'>>;
  updateLesson?: Resolver<ResolversTypes['Lesson'], ParentType, ContextType, RequireFields<MutationUpdateLessonArgs, 'id' | 'input'>>;
};

export type PageInfoResolvers<ContextType = LearningContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = LearningContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  assignmentSubmissions?: Resolver<Array<ResolversTypes['AssignmentSubmission']>, ParentType, ContextType, RequireFields<QueryAssignmentSubmissionsArgs, 'lessonId' | 'ungradedOnly'>>;
  course?: Resolver<Maybe<ResolversTypes['Course']>, ParentType, ContextType, Partial<QueryCourseArgs>>;
  courseAnalytics?: Resolver<ResolversTypes['CourseAnalytics'], ParentType, ContextType, RequireFields<QueryCourseAnalyticsArgs, 'courseId'>>;
  courseBySlug?: Resolver<Maybe<ResolversTypes['Course']>, ParentType, ContextType, RequireFields<QueryCourseBySlugArgs, 'slug'>>;
  courses?: Resolver<ResolversTypes['CourseConnection'], ParentType, ContextType, RequireFields<QueryCoursesArgs, 'first' | 'orderBy'>>;
  learningAnalytics?: Resolver<ResolversTypes['LearningAnalytics'], ParentType, ContextType, RequireFields<QueryLearningAnalyticsArgs, 'from' | 'to'>>;
  taughtCourses?: Resolver<Array<ResolversTypes['Course']>, ParentType, ContextType>;
  verifyCertificate?: Resolver<ResolversTypes['CertificateVerification'], ParentType, ContextType, RequireFields<QueryVerifyCertificateArgs, 'code'>>;
};

export type QuestionResolvers<ContextType = LearningContext, ParentType extends ResolversParentTypes['Question'] = ResolversParentTypes['Question']> = {
  choices?: Resolver<Array<ResolversTypes['Choice']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['QuestionKind'], ParentType, ContextType>;
  points?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  prompt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QuestionReviewResolvers<ContextType = LearningContext, ParentType extends ResolversParentTypes['QuestionReview'] = ResolversParentTypes['QuestionReview']> = {
  correct?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  correctChoiceIds?: Resolver<Maybe<Array<ResolversTypes['ID']>>, ParentType, ContextType>;
  correctNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  pointsAwarded?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  questionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = LearningContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  certificates?: Resolver<Array<ResolversTypes['Certificate']>, ParentType, ContextType>;
  enrollments?: Resolver<Array<ResolversTypes['Enrollment']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type VideoAssetResolvers<ContextType = LearningContext, ParentType extends ResolversParentTypes['VideoAsset'] = ResolversParentTypes['VideoAsset']> = {
  captions?: Resolver<Array<ResolversTypes['Caption']>, ParentType, ContextType>;
  durationSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  transcript?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = LearningContext> = {
  Assessment?: AssessmentResolvers<ContextType>;
  AssessmentAttempt?: AssessmentAttemptResolvers<ContextType>;
  AssignmentSubmission?: AssignmentSubmissionResolvers<ContextType>;
  AttemptResult?: AttemptResultResolvers<ContextType>;
  AuthoredChoice?: AuthoredChoiceResolvers<ContextType>;
  AuthoredQuestion?: AuthoredQuestionResolvers<ContextType>;
  Caption?: CaptionResolvers<ContextType>;
  Certificate?: CertificateResolvers<ContextType>;
  CertificateVerification?: CertificateVerificationResolvers<ContextType>;
  Choice?: ChoiceResolvers<ContextType>;
  Course?: CourseResolvers<ContextType>;
  CourseAnalytics?: CourseAnalyticsResolvers<ContextType>;
  CourseConnection?: CourseConnectionResolvers<ContextType>;
  CourseEdge?: CourseEdgeResolvers<ContextType>;
  CourseEnrollmentStat?: CourseEnrollmentStatResolvers<ContextType>;
  CourseFacets?: CourseFacetsResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Enrollment?: EnrollmentResolvers<ContextType>;
  FacetValue?: FacetValueResolvers<ContextType>;
  LearningAnalytics?: LearningAnalyticsResolvers<ContextType>;
  LearningDailyCount?: LearningDailyCountResolvers<ContextType>;
  Lesson?: LessonResolvers<ContextType>;
  LessonAccess?: LessonAccessResolvers<ContextType>;
  LessonProgress?: LessonProgressResolvers<ContextType>;
  Module?: ModuleResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Question?: QuestionResolvers<ContextType>;
  QuestionReview?: QuestionReviewResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  VideoAsset?: VideoAssetResolvers<ContextType>;
};

