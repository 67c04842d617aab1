import {
  allow,
  federationRules,
  hasRole,
  hasTier,
  isAuthenticated,
  isSelfOr,
  type SubgraphPermissions,
} from '../../platform/permissions';

/**
 * Who may ask trading for what. Every root field has an explicit rule (test/e2e/permissions walks the
 * composed schema); anything unlisted is denied by the fallback rule. Ownership ("a user sees only their
 * own portfolio, admins see anyone's") is checked in services/portfolios, which __resolveReference
 * calls too, so these rules only decide who may ask at all.
 *
 * Adding a field: add it to the section of its type below (Query / Mutation / Subscription / objects).
 */
export const tradingPermissions: SubgraphPermissions = {
  Query: {
    ...federationRules,
    // Anonymous callers get null (the service's contract), not an error.
    myPortfolio: allow,
    // The viewer's own rows only (services filter by viewer; tradeOrder checks owner or ADMIN).
    orders: isAuthenticated,
    tradeOrder: isAuthenticated,
    exchangeAccounts: isAuthenticated,
    signalFollows: isAuthenticated,
    // Calculators over caller-supplied numbers; signed in so anonymous traffic cannot burn CPU.
    portfolioRisk: isAuthenticated,
    positionSizeSuggestion: isAuthenticated,
    // services/positions answers only the owner's own position.
    position: isAuthenticated,
    tradingAnalytics: hasRole('ADMIN'),
  },
  Mutation: {
    resetPaperPortfolio: isAuthenticated,
    placeOrder: isAuthenticated,
    cancelOrder: isAuthenticated,
    // Another user's switch (userId argument) is ADMIN-only; services/portfolios checks it.
    setKillSwitch: isAuthenticated,
    connectExchangeAccount: isAuthenticated,
    disconnectExchangeAccount: isAuthenticated,
    followSignalSource: hasTier('PREMIUM'),
    unfollowSignalSource: isAuthenticated,
  },
  // Served by the gateway (events resolved through tradeOrder/position as the subscriber).
  Subscription: { orderUpdated: isAuthenticated, positionUpdated: isAuthenticated },
  User: {
    id: allow,
    portfolio: isSelfOr('ADMIN'),
  },
  // Reached only through myPortfolio, User.portfolio or a Portfolio reference, all owner-checked.
  Portfolio: allow,
  Position: allow,
  Instrument: allow,
  Money: allow,
  // Reached only through the viewer's own orders/accounts/follows or owner-checked references.
  TradeOrder: allow,
  TradeOrderEvent: allow,
  TradeOrderConnection: allow,
  TradeOrderEdge: allow,
  PageInfo: allow,
  // No credential field exists on the type: secrets never leave the database.
  ExchangeAccount: allow,
  SignalFollow: allow,
  SignalCopySkip: allow,
  PortfolioRiskReport: allow,
  MonteCarloSummary: allow,
  PositionSizeSuggestion: allow,
  // Reached only through tradingAnalytics (ADMIN).
  TradingAnalytics: allow,
  TradingVolumeDay: allow,
  PnlBucket: allow,
};
