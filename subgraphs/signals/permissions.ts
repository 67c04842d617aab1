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
  },
  Mutation: {
    publishSignal: analyst,
    runStrategy: analyst,
  },
  // Served by the gateway's graphql-ws server, which authenticates at connection_init.
  Subscription: { signalPublished: isAuthenticated },
  User: { id: allow, publishedSignals: isAuthenticated },
  Signal: isAuthenticated,
  Instrument: allow,
  Candle: allow,
  Strategy: allow,
  Backtest: allow,
  BacktestTrade: allow,
  EquityPoint: allow,
};
