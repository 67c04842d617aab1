import { BadUserInputError } from '../../../platform/errors';
import type { Question } from '../../../platform/prisma/generated/client';
import type { AnswerInput } from '../generated/resolvers-types';
import { choicesOf, isDecimal, type Answers } from './grading';

/** Checks answers against the attempt's questions; unanswered questions simply score nothing. */
export function parseAnswers(questions: Question[], input: AnswerInput[]): Answers {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const answers: Answers = {};
  input.forEach((answer, i) => {
    const field = `answers.${i}`;
    const question = byId.get(answer.questionId);
    if (!question) throw new BadUserInputError('Not a question of this assessment', `${field}.questionId`);
    if (answers[question.id]) throw new BadUserInputError('Question answered twice', `${field}.questionId`);
    if (question.kind === 'NUMERIC') {
      if (!answer.number || !isDecimal(answer.number)) {
        throw new BadUserInputError('A numeric answer is a decimal string', `${field}.number`);
      }
      answers[question.id] = { number: answer.number };
      return;
    }
    const ids = answer.choiceIds ?? [];
    const known = new Set(choicesOf(question).map((c) => c.id));
    if (ids.some((id) => !known.has(id)) || new Set(ids).size !== ids.length) {
      throw new BadUserInputError('Unknown or repeated choice', `${field}.choiceIds`);
    }
    if (question.kind === 'SINGLE_CHOICE' && ids.length !== 1) {
      throw new BadUserInputError('Choose exactly one answer', `${field}.choiceIds`);
    }
    answers[question.id] = { choiceIds: ids };
  });
  return answers;
}
