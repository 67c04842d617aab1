import { BadUserInputError } from '../../../platform/errors';
import type { QuestionInput } from '../generated/resolvers-types';
import { isDecimal, type StoredChoice } from './grading';
import { text, wholeNumber } from './authoringInput';

/** A question as stored: choices get ids "c1", "c2"... (unique within the question). */
export function questionRow(input: QuestionInput, i: number) {
  const field = `input.questions.${i}`;
  const base = {
    position: i + 1,
    kind: input.kind,
    prompt: text(input.prompt, `${field}.prompt`, 1, 2_000),
    points: wholeNumber(input.points ?? 1, `${field}.points`, 1, 100),
  };
  if (input.kind === 'NUMERIC') {
    const answer = input.correctNumber?.trim() ?? '';
    const tolerance = input.numericTolerance?.trim() ?? '0';
    if (!isDecimal(answer))
      throw new BadUserInputError('correctNumber must be a decimal', `${field}.correctNumber`);
    if (!isDecimal(tolerance) || tolerance.startsWith('-')) {
      throw new BadUserInputError(
        'numericTolerance must be a non-negative decimal',
        `${field}.numericTolerance`,
      );
    }
    return { ...base, choices: [], correctNumber: answer, numericTolerance: tolerance };
  }
  const choices: StoredChoice[] = (input.choices ?? []).map((choice, c) => ({
    id: `c${c + 1}`,
    label: text(choice.label, `${field}.choices.${c}.label`, 1, 500),
    correct: choice.correct,
  }));
  const correct = choices.filter((c) => c.correct).length;
  if (choices.length < 2 || choices.length > 10) {
    throw new BadUserInputError('A choice question has 2 to 10 choices', `${field}.choices`);
  }
  if (input.kind === 'SINGLE_CHOICE' ? correct !== 1 : correct < 1) {
    throw new BadUserInputError(
      input.kind === 'SINGLE_CHOICE'
        ? 'Exactly one choice must be correct'
        : 'At least one choice must be correct',
      `${field}.choices`,
    );
  }
  return { ...base, choices, correctNumber: null, numericTolerance: '0' };
}
