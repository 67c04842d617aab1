// Demo courses (development only, flagged isDemo) with modules, lessons, video assets and the demo quiz;
// upserts on stable ids and positions.
import type { Prisma, PrismaClient, TransactionClient } from '../../platform/prisma';
import { quizQuestions, quizSettings } from './courseQuiz';
import { courses, instructorId, type LessonSeed } from './data';

const SEED_PUBLISHED_AT = new Date('2026-01-05T09:00:00.000Z');

async function seedLessonExtras(tx: TransactionClient, lessonId: string, lesson: LessonSeed): Promise<void> {
  if (lesson.videoUrl) {
    const video = {
      url: lesson.videoUrl,
      durationSeconds: lesson.durationSeconds,
      transcript: `Transcript of "${lesson.title}".`,
      captions: [{ language: 'en', url: lesson.videoUrl.replace(/index\.m3u8$/, 'captions.en.vtt') }],
    };
    await tx.videoAsset.upsert({ where: { lessonId }, create: { lessonId, ...video }, update: video });
    return;
  }
  const assessment = await tx.assessment.upsert({
    where: { lessonId },
    create: { lessonId, ...quizSettings },
    update: quizSettings,
  });
  for (const [i, question] of quizQuestions.entries()) {
    const row = {
      kind: question.kind,
      prompt: question.prompt,
      choices: question.choices as unknown as Prisma.InputJsonValue,
      correctNumber: question.correctNumber,
    };
    await tx.question.upsert({
      where: { assessmentId_position: { assessmentId: assessment.id, position: i + 1 } },
      create: { assessmentId: assessment.id, position: i + 1, ...row },
      update: row,
    });
  }
}

export async function seedCourses(prisma: PrismaClient): Promise<Map<string, string>> {
  const idsBySlug = new Map<string, string>();
  for (const { modules, key: _key, id, ...course } of courses) {
    const fields = { ...course, instructorId, currency: 'INR', status: 'PUBLISHED' as const, isDemo: true };
    const courseId = await prisma.$transaction(
      async (tx) => {
        const saved = await tx.course.upsert({
          where: { slug: course.slug },
          create: { id, ...fields, publishedAt: SEED_PUBLISHED_AT },
          update: fields,
        });
        for (const { lessons, id: moduleId, ...mod } of modules) {
          const savedModule = await tx.module.upsert({
            where: { courseId_position: { courseId: saved.id, position: mod.position } },
            create: { id: moduleId, courseId: saved.id, ...mod },
            update: { title: mod.title },
          });
          for (const { id: lessonId, videoUrl: _url, ...lesson } of lessons) {
            const savedLesson = await tx.lesson.upsert({
              where: { moduleId_position: { moduleId: savedModule.id, position: lesson.position } },
              create: { id: lessonId, moduleId: savedModule.id, ...lesson },
              update: lesson,
            });
            await seedLessonExtras(tx, savedLesson.id, { id: lessonId, videoUrl: _url, ...lesson });
          }
        }
        return saved.id;
      },
      { timeout: 30_000 },
    );
    idsBySlug.set(course.slug, courseId);
  }
  return idsBySlug;
}
