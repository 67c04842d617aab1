// Demo course catalogue. Module and lesson ids are derived from the course number and positions, so
// every row has a stable id: `c2000000-00CC-4000-8000-0000000000MM`, `c3000000-00CC-4000-8000-00000000MMLL`.
import type { CourseLevel, LessonKind } from '../../platform/prisma/generated/enums';

/** The free course ends with a graded quiz (see ./courseQuiz). */
export const QUIZ_TITLE = 'Quiz: candlestick patterns';

export const courseIds = {
  candlesticks: 'c1000000-0000-4000-8000-000000000001',
  technicalAnalysis: 'c1000000-0000-4000-8000-000000000002',
  optionsNse: 'c1000000-0000-4000-8000-000000000003',
  cryptoRisk: 'c1000000-0000-4000-8000-000000000004',
} as const;

export type CourseKey = keyof typeof courseIds;

export interface LessonSeed {
  id: string;
  title: string;
  position: number;
  kind: LessonKind;
  isFree: boolean;
  durationSeconds: number;
  /** Video lessons' asset (a stable URL per lesson id); null for the quiz. */
  videoUrl: string | null;
}

export interface ModuleSeed {
  id: string;
  title: string;
  position: number;
  lessons: LessonSeed[];
}

export interface CourseSeed {
  key: CourseKey;
  id: string;
  slug: string;
  title: string;
  summary: string;
  description: string;
  category: string;
  tags: string[];
  level: CourseLevel;
  /** Paise; 0 for a free course (all of whose lessons are free), else ₹24,000 to ₹8,00,000. */
  priceMinor: bigint;
  modules: ModuleSeed[];
}

type LessonRow = [title: string, durationSeconds: number];
type ModuleRow = [title: string, lessons: LessonRow[]];
interface CourseRow {
  key: CourseKey;
  slug: string;
  title: string;
  summary: string;
  description: string;
  category: string;
  tags: string[];
  level: CourseLevel;
  priceMinor: bigint;
  modules: ModuleRow[];
}

// prettier-ignore
const courseRows: CourseRow[] = [
  {
    key: 'candlesticks', slug: 'candlestick-patterns-for-beginners', title: 'Candlestick Patterns for Beginners',
    summary: 'Read price action from Japanese candlesticks: anatomy of a candle, single- and multi-candle reversal patterns, and how to confirm them with volume on NSE and crypto charts.',
    description: 'Eight short videos take you from reading a single candle to trading confirmed multi-candle reversals, finished by a short quiz.',
    category: 'technical-analysis', tags: ['candlesticks', 'price-action', 'nse', 'crypto'],
    level: 'BEGINNER', priceMinor: 0n,
    modules: [
      ['Reading a Candle', [['Open, high, low, close: anatomy of a candle', 412], ['Bodies, wicks and what they say about buyers and sellers', 538], ['Choosing a timeframe: 1h vs daily charts', 466]]],
      ['Single-Candle Patterns', [['Doji and spinning tops', 501], ['Hammer and hanging man', 624], ['Shooting star and inverted hammer', 587]]],
      ['Multi-Candle Patterns', [['Bullish and bearish engulfing', 655], ['Morning star and evening star', 712], ['Confirming patterns with volume', 598], [QUIZ_TITLE, 600]]],
    ],
  },
  {
    key: 'technicalAnalysis', slug: 'technical-analysis-rsi-macd', title: 'Technical Analysis with RSI and MACD',
    summary: 'Build and trade momentum setups with the Relative Strength Index and MACD: overbought/oversold zones, divergences, signal-line crossovers and combining both into a rules-based strategy.',
    description: 'Momentum indicators from first principles to a back-tested, rules-based RSI + MACD strategy on NIFTY 50 stocks.',
    category: 'technical-analysis', tags: ['rsi', 'macd', 'momentum', 'nse'],
    level: 'INTERMEDIATE', priceMinor: 2_400_000n,
    modules: [
      ['Momentum Basics', [['Why momentum leads price', 548], ['Moving averages: SMA vs EMA', 731]]],
      ['Relative Strength Index', [['How RSI is calculated', 689], ['Overbought, oversold and the 50 line', 604], ['Spotting RSI divergences', 842], ['RSI reversal setups on NIFTY stocks', 915]]],
      ['MACD', [['MACD line, signal line and histogram', 703], ['Signal-line and zero-line crossovers', 776], ['Combining RSI and MACD into one strategy', 1024]]],
    ],
  },
  {
    key: 'optionsNse', slug: 'options-trading-on-nse', title: 'Options Trading on NSE',
    summary: 'Index and stock options on the National Stock Exchange: contract specifications, lot sizes, the Greeks, implied volatility and defined-risk spreads on NIFTY and BANKNIFTY.',
    description: 'A professional options desk curriculum: NSE contract mechanics, the Greeks, volatility and defined-risk spreads with position sizing.',
    category: 'derivatives', tags: ['options', 'nse', 'greeks', 'banknifty'],
    level: 'ADVANCED', priceMinor: 80_000_000n,
    modules: [
      ['Options Fundamentals', [['Calls, puts and the option chain', 822], ['Lot sizes, expiries and settlement on NSE', 694], ['Margin requirements and SEBI rules', 758]]],
      ['The Greeks and Volatility', [['Delta and gamma', 903], ['Theta decay into expiry', 781], ['Vega and implied volatility, India VIX', 866]]],
      ['Strategies', [['Covered calls and protective puts', 845], ['Bull call and bear put spreads', 932], ['Iron condors on BANKNIFTY weeklies', 1108], ['Position sizing and adjustments', 884]]],
    ],
  },
  {
    key: 'cryptoRisk', slug: 'crypto-market-structure-and-risk', title: 'Crypto Market Structure and Risk',
    summary: 'How crypto markets work around the clock: order books, spot vs perpetual futures, funding rates and liquidations, and a risk framework for volatile assets such as BTC, ETH and SOL.',
    description: 'Market microstructure of 24/7 crypto venues, perpetual futures and funding, and a risk framework that survives liquidation cascades.',
    category: 'crypto', tags: ['crypto', 'risk-management', 'futures', 'btc'],
    level: 'INTERMEDIATE', priceMinor: 9_900_000n,
    modules: [
      ['Market Structure', [['Exchanges, order books and liquidity', 667], ['Spot, perpetual futures and funding rates', 812], ['Stablecoins and quote currencies', 541]]],
      ['Volatility and Leverage', [['Measuring volatility: ATR and realised vol', 736], ['Leverage, margin and liquidation prices', 858]]],
      ['Risk Management', [['Position sizing with a fixed-fractional rule', 694], ['Stop losses in a 24/7 market', 629], ['Tax and compliance basics for Indian crypto traders', 777]]],
    ],
  },
];

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

export const courses: readonly CourseSeed[] = courseRows.map((row, c) => {
  const freeCourse = row.priceMinor === 0n;
  return {
    ...row,
    id: courseIds[row.key],
    modules: row.modules.map(([title, lessons], m) => ({
      id: `c2000000-${hex(c + 1, 4)}-4000-8000-${hex(m + 1, 12)}`,
      title,
      position: m + 1,
      lessons: lessons.map(([lessonTitle, durationSeconds], l) => {
        const id = `c3000000-${hex(c + 1, 4)}-4000-8000-${hex((m + 1) * 256 + l + 1, 12)}`;
        const quiz = lessonTitle === QUIZ_TITLE;
        return {
          id,
          title: lessonTitle,
          position: l + 1,
          kind: quiz ? ('QUIZ' as const) : ('VIDEO' as const),
          // The free course is open in full; every paid course previews its first lesson.
          isFree: freeCourse || (m === 0 && l === 0),
          durationSeconds,
          videoUrl: quiz ? null : `https://media.tradeschool.example/lessons/${id}/index.m3u8`,
        };
      }),
    })),
  };
});

export const courseBySlug = (slug: string): CourseSeed | undefined => courses.find((c) => c.slug === slug);
