/** Topics trading publishes; consumers elsewhere rely on these names and payloads. */
export const TradingTopics = {
  portfolioReset: 'trading.portfolio.reset',
} as const;

export interface PortfolioResetPayload {
  portfolioId: string;
  userId: string;
}
