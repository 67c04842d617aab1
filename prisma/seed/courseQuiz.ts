// The demo quiz closing the free candlestick course: one question of each kind the grader knows.
import type { QuestionKind } from '../../platform/prisma/generated/enums';

export interface QuizQuestionSeed {
  kind: QuestionKind;
  prompt: string;
  choices: { id: string; label: string; correct: boolean }[];
  correctNumber: string | null;
}

export const quizSettings = { passingScorePercent: 70, maxAttempts: 3, timeLimitSeconds: 600 };

export const quizQuestions: readonly QuizQuestionSeed[] = [
  {
    kind: 'SINGLE_CHOICE',
    prompt: 'A candle opens at 100, closes at 100.2, high 104, low 99.8. What is it?',
    choices: [
      { id: 'c1', label: 'A hammer', correct: false },
      { id: 'c2', label: 'A shooting star', correct: true },
      { id: 'c3', label: 'A bullish engulfing candle', correct: false },
    ],
    correctNumber: null,
  },
  {
    kind: 'MULTIPLE_CHOICE',
    prompt: 'Which patterns are bullish reversals?',
    choices: [
      { id: 'c1', label: 'Morning star', correct: true },
      { id: 'c2', label: 'Hammer after a downtrend', correct: true },
      { id: 'c3', label: 'Evening star', correct: false },
      { id: 'c4', label: 'Hanging man', correct: false },
    ],
    correctNumber: null,
  },
  {
    kind: 'NUMERIC',
    prompt: 'A candle has open 250, close 262, high 270, low 248. How long is its upper wick?',
    choices: [],
    correctNumber: '8',
  },
];
