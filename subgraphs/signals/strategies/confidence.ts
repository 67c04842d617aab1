/**
 * Confidence from the strategy's own record on the same recent candles: its backtested hit rate with
 * Laplace's rule of succession, (wins + 1) / (trades + 2), so no record gives 0.5 and a few lucky trades do
 * not give certainty. The same rule for every strategy (strategies/definitions.ts lists them).
 */
export function evidenceConfidence(trades: number, winRate: number | null): number {
  const wins = Math.round((winRate ?? 0) * trades);
  return (wins + 1) / (trades + 2);
}
