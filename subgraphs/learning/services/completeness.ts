import type {
  Assessment,
  Course,
  Lesson,
  Module,
  VideoAsset,
} from '../../../platform/prisma/generated/client';

export interface CourseOutline {
  course: Course;
  modules: (Module & {
    lessons: (Lesson & {
      video: VideoAsset | null;
      assessment: (Assessment & { questions: unknown[] }) | null;
    })[];
  })[];
}

/** What stands between a draft and the catalog; empty when it can be published. */
export function publishProblems({ course, modules }: CourseOutline): string[] {
  const problems: string[] = [];
  if (!course.description.trim()) problems.push('The course needs a description');
  if (modules.length === 0) problems.push('The course needs at least one module');
  for (const module of modules) {
    if (module.lessons.length === 0) problems.push(`Module "${module.title}" has no lessons`);
    for (const lesson of module.lessons) {
      if (lesson.kind === 'VIDEO' && !lesson.video) problems.push(`Lesson "${lesson.title}" has no video`);
      if (lesson.kind === 'TEXT' && !lesson.body.trim())
        problems.push(`Lesson "${lesson.title}" has no text`);
      if (lesson.kind === 'QUIZ' && !lesson.assessment?.questions.length) {
        problems.push(`Quiz "${lesson.title}" has no questions`);
      }
    }
  }
  if (!modules.some((m) => m.lessons.some((l) => l.required)))
    problems.push('At least one lesson must be required');
  return problems;
}
