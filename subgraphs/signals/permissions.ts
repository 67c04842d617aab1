import {
  allow,
  federationRules,
  hasRole,
  isAuthenticated,
  type SubgraphPermissions,
} from '../../platform/permissions';

/**
 * Who may ask signals for what; unlisted fields are denied. Instruments, candles and the strategy list
 * are public; signals are for signed-in users only. Tier limits (FREE: 15 minutes delayed, 5 a day,
 * 7 days of history; PREMIUM: real time, 90 days; ENTERPRISE: everything) are applied by
 * services/visibility to queries and to Signal references alike, and by the gateway to live delivery.
 */
const analyst = hasRole('ANALYST', 'ADMIN');

export const signalsPermissions: SubgraphPermissions = {
  Query: {
    ...federationRules,
    instruments: allow,
    instrument: allow,
    strategies: allow,
    signals: isAuthenticated,
    signal: isAuthenticated,
    // Candles, not signals: over the history the viewer's tier may see (anonymous: FREE's 7 days).
    backtest: allow,
    signalSources: isAuthenticated,
    // Owner-only: services/priceAlerts returns the viewer's own alerts and nothing else.
    priceAlerts: isAuthenticated,
    priceAlert: isAuthenticated,
    marketTick: isAuthenticated,
    signalAnalytics: analyst,
  },
  Mutation: {
    publishSignal: analyst,
    runStrategy: analyst,
    // The service also checks the analyst published it (admins may cancel any).
    cancelSignal: analyst,
    createPriceAlert: isAuthenticated,
    cancelPriceAlert: isAuthenticated,
  },
  // Served by the gateway's graphql-ws server, which authenticates at connection_init.
  Subscription: {
    signalPublished: isAuthenticated,
    signalUpdated: isAuthenticated,
    // Tier-gated (PREMIUM and up) at the gateway.
    marketTicks: isAuthenticated,
    priceAlertTriggered: isAuthenticated,
  },
  User: { id: allow, publishedSignals: isAuthenticated },
  Signal: isAuthenticated,
  SignalConnection: isAuthenticated,
  SignalEdge: isAuthenticated,
  SignalPageInfo: isAuthenticated,
  SignalSource: isAuthenticated,
  SignalSourcePerformance: isAuthenticated,
  PriceAlert: isAuthenticated,
  MarketTick: isAuthenticated,
  SignalAnalytics: analyst,
  SignalSourceStat: analyst,
  SignalStrategyStat: analyst,
  Instrument: allow,
  Candle: allow,
  Strategy: allow,
  Backtest: allow,
  BacktestTrade: allow,
  EquityPoint: allow,
};
