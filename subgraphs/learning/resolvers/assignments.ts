import type { Resolvers } from '../generated/resolvers-types';
import { passedGrade } from '../services/assignments';

export function assignmentResolvers(): Resolvers {
  return {
    AssignmentSubmission: {
      learner: (submission) => ({ id: submission.userId }),
      passed: async (submission, _args, ctx) => {
        const lesson = await ctx.loaders.lessonById.load(submission.lessonId);
        return lesson ? passedGrade(submission, lesson) : null;
      },
    },
  };
}
