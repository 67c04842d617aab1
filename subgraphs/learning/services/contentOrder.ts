import { BadUserInputError, ConflictError } from '../../../platform/errors';
import { Prisma, type TransactionClient } from '../../../platform/prisma';
import type { Course, Module } from '../../../platform/prisma/generated/client';
import type { LearningContext } from '../context';
import { editableCourse } from './authoring';
import { announceCourseChange } from './courseChanges';
import { editableLesson, editableModule } from './lessonAuthoring';

type Siblings = { table: 'module'; parent: 'course_id' } | { table: 'lesson'; parent: 'module_id' };
const MODULES: Siblings = { table: 'module', parent: 'course_id' };
const LESSONS: Siblings = { table: 'lesson', parent: 'module_id' };

/**
 * Renumbers siblings 1..n in the given order (or their current order), in the caller's transaction.
 * Positions are unique per parent and checked row by row, so they first move out of the way (negative)
 * and then take their places: no intermediate state collides.
 */
async function renumber(
  tx: TransactionClient,
  { table, parent }: Siblings,
  parentId: string,
  ids?: string[],
) {
  const rel = Prisma.raw(`learning."${table}"`);
  const parentColumn = Prisma.raw(parent);
  await tx.$executeRaw`UPDATE ${rel} SET position = -position WHERE ${parentColumn} = ${parentId}::uuid`;
  if (ids) {
    await tx.$executeRaw`
      UPDATE ${rel} t SET position = o.ord FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS o(id, ord)
       WHERE t.id = o.id AND t.${parentColumn} = ${parentId}::uuid`;
    return;
  }
  await tx.$executeRaw`
    UPDATE ${rel} t SET position = o.ord
      FROM (SELECT id, row_number() OVER (ORDER BY position DESC) AS ord FROM ${rel}
             WHERE ${parentColumn} = ${parentId}::uuid) o
     WHERE t.id = o.id`;
}

/** Serialises structure edits of one parent: two reorders (or a reorder and a delete) queue up. */
async function lockParent(tx: TransactionClient, { parent }: Siblings, parentId: string) {
  const table = Prisma.raw(parent === 'course_id' ? 'learning.course' : 'learning.module');
  await tx.$queryRaw`SELECT 1 FROM ${table} WHERE id = ${parentId}::uuid FOR UPDATE`;
}

/** The new order must name every sibling exactly once. */
function checkOrder(wanted: string[], existing: string[], field: string): void {
  const unique = new Set(wanted);
  if (
    unique.size !== wanted.length ||
    unique.size !== existing.length ||
    existing.some((id) => !unique.has(id))
  ) {
    throw new BadUserInputError(`${field} must list every id of the parent exactly once`, field, {
      expected: existing.length,
    });
  }
}

/** Learners' graded history must not vanish with the content it was graded against. */
async function assertNoLearnerWork(tx: TransactionClient, lessonIds: string[]): Promise<void> {
  const [attempts, submissions] = await Promise.all([
    tx.assessmentAttempt.count({ where: { assessment: { lessonId: { in: lessonIds } } } }),
    tx.assignmentSubmission.count({ where: { lessonId: { in: lessonIds } } }),
  ]);
  if (attempts + submissions > 0) {
    throw new ConflictError('Learners have submitted work in this content; it cannot be deleted', {
      attempts,
      submissions,
    });
  }
}

export function createContentOrder() {
  return {
    async deleteModule(ctx: LearningContext, id: string): Promise<Course> {
      const module = await editableModule(ctx, id);
      return ctx.prisma.$transaction(async (tx) => {
        await lockParent(tx, MODULES, module.courseId);
        const lessons = await tx.lesson.findMany({ where: { moduleId: id }, select: { id: true } });
        const lessonIds = lessons.map((lesson) => lesson.id);
        await assertNoLearnerWork(tx, lessonIds);
        await tx.lessonProgress.deleteMany({ where: { lessonId: { in: lessonIds } } });
        await tx.module.delete({ where: { id } });
        await renumber(tx, MODULES, module.courseId);
        return announceCourseChange(tx, module.courseId, 'CONTENT_CHANGED', ctx.correlationId);
      });
    },

    async deleteLesson(ctx: LearningContext, id: string): Promise<Module> {
      const lesson = await editableLesson(ctx, id);
      return ctx.prisma.$transaction(async (tx) => {
        await lockParent(tx, LESSONS, lesson.moduleId);
        await assertNoLearnerWork(tx, [id]);
        await tx.lessonProgress.deleteMany({ where: { lessonId: id } });
        await tx.lesson.delete({ where: { id } });
        await renumber(tx, LESSONS, lesson.moduleId);
        await announceCourseChange(tx, lesson.module.courseId, 'CONTENT_CHANGED', ctx.correlationId);
        return tx.module.findUniqueOrThrow({ where: { id: lesson.moduleId } });
      });
    },

    async reorderModules(ctx: LearningContext, courseId: string, moduleIds: string[]): Promise<Course> {
      await editableCourse(ctx, courseId);
      return ctx.prisma.$transaction(async (tx) => {
        await lockParent(tx, MODULES, courseId);
        const existing = await tx.module.findMany({ where: { courseId }, select: { id: true } });
        checkOrder(
          moduleIds,
          existing.map((row) => row.id),
          'moduleIds',
        );
        await renumber(tx, MODULES, courseId, moduleIds);
        return announceCourseChange(tx, courseId, 'CONTENT_CHANGED', ctx.correlationId);
      });
    },

    async reorderLessons(ctx: LearningContext, moduleId: string, lessonIds: string[]): Promise<Module> {
      const module = await editableModule(ctx, moduleId);
      return ctx.prisma.$transaction(async (tx) => {
        await lockParent(tx, LESSONS, moduleId);
        const existing = await tx.lesson.findMany({ where: { moduleId }, select: { id: true } });
        checkOrder(
          lessonIds,
          existing.map((row) => row.id),
          'lessonIds',
        );
        await renumber(tx, LESSONS, moduleId, lessonIds);
        await announceCourseChange(tx, module.courseId, 'CONTENT_CHANGED', ctx.correlationId);
        return tx.module.findUniqueOrThrow({ where: { id: moduleId } });
      });
    },
  };
}

export type ContentOrder = ReturnType<typeof createContentOrder>;
