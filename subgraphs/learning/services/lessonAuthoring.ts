import { BadUserInputError, ConflictError, mapPrismaError, NotFoundError } from '../../../platform/errors';
import { isUuid } from '../../../platform/loaders';
import type { Prisma } from '../../../platform/prisma';
import type { Assessment, Lesson, Module } from '../../../platform/prisma/generated/client';
import type { LearningContext } from '../context';
import type {
  AssessmentInput,
  LessonInput,
  UpdateLessonInput,
  VideoAssetInput,
} from '../generated/resolvers-types';
import { text, wholeNumber } from './authoringInput';
import { editableCourse } from './authoring';
import { announceCourseChange } from './courseChanges';
import { questionRow } from './questionInput';

const MAX_DURATION = 24 * 3600;

export async function editableModule(ctx: LearningContext, moduleId: string): Promise<Module> {
  const module = isUuid(moduleId) ? await ctx.loaders.moduleById.load(moduleId) : null;
  if (!module) throw new NotFoundError('Module', moduleId);
  await editableCourse(ctx, module.courseId);
  return module;
}

export async function editableLesson(
  ctx: LearningContext,
  lessonId: string,
): Promise<Lesson & { module: Module }> {
  const lesson = isUuid(lessonId) ? await ctx.loaders.lessonById.load(lessonId) : null;
  if (!lesson) throw new NotFoundError('Lesson', lessonId);
  return { ...lesson, module: await editableModule(ctx, lesson.moduleId) };
}

/** Runs an edit of a course's content and announces it (CONTENT_CHANGED) in the same transaction. */
async function changingContent<T>(
  ctx: LearningContext,
  courseId: string,
  edit: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  return ctx.prisma.$transaction(async (tx) => {
    const result = await edit(tx);
    await announceCourseChange(tx, courseId, 'CONTENT_CHANGED', ctx.correlationId);
    return result;
  });
}

function lessonFields(input: UpdateLessonInput) {
  return {
    ...(input.title != null && { title: text(input.title, 'input.title', 1, 200) }),
    ...(input.durationSeconds != null && {
      durationSeconds: wholeNumber(input.durationSeconds, 'input.durationSeconds', 1, MAX_DURATION),
    }),
    ...(input.isFree != null && { isFree: input.isFree }),
    ...(input.required != null && { required: input.required }),
    ...(input.releaseAfterDays != null && {
      releaseAfterDays: wholeNumber(input.releaseAfterDays, 'input.releaseAfterDays', 0, 365),
    }),
    ...(input.body != null && { body: text(input.body, 'input.body', 0, 100_000) }),
    ...(input.passingScore != null && {
      passingScore: wholeNumber(input.passingScore, 'input.passingScore', 0, 100),
    }),
  };
}

/** Appends at max(position) + 1; two concurrent appends collide on the unique position: CONFLICT. */
async function nextPosition(rows: { position: number }[]): Promise<number> {
  return rows.reduce((max, row) => Math.max(max, row.position), 0) + 1;
}

export function createLessonAuthoring() {
  return {
    async addModule(ctx: LearningContext, courseId: string, title: string): Promise<Module> {
      await editableCourse(ctx, courseId);
      const position = await nextPosition(
        await ctx.prisma.module.findMany({ where: { courseId }, select: { position: true } }),
      );
      try {
        return await changingContent(ctx, courseId, (tx) =>
          tx.module.create({ data: { courseId, position, title: text(title, 'title', 1, 200) } }),
        );
      } catch (error) {
        return mapPrismaError(error, 'Module');
      }
    },

    async renameModule(ctx: LearningContext, id: string, title: string): Promise<Module> {
      const module = await editableModule(ctx, id);
      const data = { title: text(title, 'title', 1, 200) };
      return changingContent(ctx, module.courseId, (tx) => tx.module.update({ where: { id }, data }));
    },

    async addLesson(ctx: LearningContext, moduleId: string, input: LessonInput): Promise<Lesson> {
      const module = await editableModule(ctx, moduleId);
      const fields = lessonFields(input);
      const position = await nextPosition(
        await ctx.prisma.lesson.findMany({ where: { moduleId }, select: { position: true } }),
      );
      try {
        return await changingContent(ctx, module.courseId, (tx) =>
          tx.lesson.create({
            data: {
              ...fields,
              moduleId,
              position,
              kind: input.kind,
              title: fields.title!,
              durationSeconds: fields.durationSeconds!,
            },
          }),
        );
      } catch (error) {
        return mapPrismaError(error, 'Lesson');
      }
    },

    async updateLesson(ctx: LearningContext, id: string, input: UpdateLessonInput): Promise<Lesson> {
      const lesson = await editableLesson(ctx, id);
      const data = lessonFields(input);
      return changingContent(ctx, lesson.module.courseId, (tx) => tx.lesson.update({ where: { id }, data }));
    },

    async setLessonVideo(ctx: LearningContext, lessonId: string, input: VideoAssetInput): Promise<Lesson> {
      const lesson = await editableLesson(ctx, lessonId);
      if (lesson.kind !== 'VIDEO') throw new BadUserInputError('Only video lessons have a video', 'lessonId');
      let url: URL;
      try {
        url = new URL(input.url);
      } catch {
        throw new BadUserInputError('url must be an absolute https URL', 'input.url');
      }
      if (url.protocol !== 'https:')
        throw new BadUserInputError('url must be an absolute https URL', 'input.url');
      const captions = (input.captions ?? []).map((c, i) => ({
        language: text(c.language, `input.captions.${i}.language`, 2, 10),
        url: text(c.url, `input.captions.${i}.url`, 8, 2_000),
      }));
      const durationSeconds = wholeNumber(input.durationSeconds, 'input.durationSeconds', 1, MAX_DURATION);
      const video = { url: url.toString(), durationSeconds, transcript: input.transcript ?? '', captions };
      // The player's duration is the truth the completion rule measures against.
      return changingContent(ctx, lesson.module.courseId, async (tx) => {
        await tx.videoAsset.upsert({ where: { lessonId }, create: { lessonId, ...video }, update: video });
        return tx.lesson.update({ where: { id: lessonId }, data: { durationSeconds } });
      });
    },

    async setLessonAssessment(
      ctx: LearningContext,
      lessonId: string,
      input: AssessmentInput,
    ): Promise<Assessment> {
      const lesson = await editableLesson(ctx, lessonId);
      if (lesson.kind !== 'QUIZ')
        throw new BadUserInputError('Only quiz lessons have an assessment', 'lessonId');
      const settings = {
        passingScorePercent: wholeNumber(input.passingScorePercent, 'input.passingScorePercent', 1, 100),
        maxAttempts:
          input.maxAttempts == null ? null : wholeNumber(input.maxAttempts, 'input.maxAttempts', 1, 100),
        timeLimitSeconds:
          input.timeLimitSeconds == null
            ? null
            : wholeNumber(input.timeLimitSeconds, 'input.timeLimitSeconds', 30, 86_400),
      };
      if (input.questions.length === 0 || input.questions.length > 100) {
        throw new BadUserInputError('An assessment has 1 to 100 questions', 'input.questions');
      }
      const questions = input.questions.map(questionRow);
      return changingContent(ctx, lesson.module.courseId, async (tx) => {
        const assessment = await tx.assessment.upsert({
          where: { lessonId },
          create: { lessonId, ...settings },
          update: settings,
        });
        // Past attempts were graded against these questions: changing them would rewrite history.
        if ((await tx.assessmentAttempt.count({ where: { assessmentId: assessment.id } })) > 0) {
          throw new ConflictError('Learners have attempted this assessment; its questions are frozen', {
            lessonId,
          });
        }
        await tx.question.deleteMany({ where: { assessmentId: assessment.id } });
        await tx.question.createMany({
          data: questions.map((q) => ({
            ...q,
            assessmentId: assessment.id,
            choices: q.choices as unknown as Prisma.InputJsonValue,
          })),
        });
        return assessment;
      });
    },
  };
}

export type LessonAuthoring = ReturnType<typeof createLessonAuthoring>;
