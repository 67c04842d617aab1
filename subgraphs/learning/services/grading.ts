import { Prisma } from '../../../platform/prisma';
import type { AssessmentAttempt, Question } from '../../../platform/prisma/generated/client';

export interface StoredChoice {
  id: string;
  label: string;
  correct: boolean;
}

export interface SubmittedAnswer {
  choiceIds?: string[] | null;
  number?: string | null;
}

export type Answers = Record<string, SubmittedAnswer>;

/** A finished attempt and what the learner may learn from it. */
export interface GradedAttempt {
  attempt: AssessmentAttempt;
  questions: Question[];
  /** Correct answers are shown only once they can no longer help a retry. */
  revealAnswers: boolean;
}

export function choicesOf(question: Question): StoredChoice[] {
  return Array.isArray(question.choices) ? (question.choices as unknown as StoredChoice[]) : [];
}

const decimalPattern = /^-?\d{1,14}(\.\d{1,6})?$/;
export const isDecimal = (value: string) => decimalPattern.test(value.trim());

/** All-or-nothing per question: a multiple-choice answer must be exactly the set of correct choices. */
export function pointsFor(question: Question, answer: SubmittedAnswer | undefined): number {
  if (!answer) return 0;
  if (question.kind === 'NUMERIC') {
    if (question.correctNumber === null || !answer.number || !isDecimal(answer.number)) return 0;
    const distance = new Prisma.Decimal(answer.number.trim()).minus(question.correctNumber).abs();
    return distance.lte(question.numericTolerance) ? question.points : 0;
  }
  const chosen = new Set(answer.choiceIds ?? []);
  const correct = choicesOf(question)
    .filter((c) => c.correct)
    .map((c) => c.id);
  const exact = chosen.size === correct.length && correct.every((id) => chosen.has(id));
  return exact ? question.points : 0;
}

export function grade(questions: Question[], answers: Answers) {
  const grading: Record<string, number> = {};
  let awarded = 0;
  let possible = 0;
  for (const question of questions) {
    const points = pointsFor(question, answers[question.id]);
    grading[question.id] = points;
    awarded += points;
    possible += question.points;
  }
  const scorePercent = possible === 0 ? 0 : Math.floor((awarded * 100) / possible);
  return { grading, scorePercent };
}

export function review({ attempt, questions, revealAnswers }: GradedAttempt) {
  const grading = (attempt.grading ?? {}) as Record<string, number>;
  return questions.map((question) => {
    const pointsAwarded = grading[question.id] ?? 0;
    return {
      questionId: question.id,
      correct: pointsAwarded === question.points && question.points > 0,
      pointsAwarded,
      correctChoiceIds:
        revealAnswers && question.kind !== 'NUMERIC'
          ? choicesOf(question)
              .filter((c) => c.correct)
              .map((c) => c.id)
          : null,
      correctNumber:
        revealAnswers && question.kind === 'NUMERIC' ? (question.correctNumber?.toString() ?? null) : null,
    };
  });
}
