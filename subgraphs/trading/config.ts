import { z } from 'zod';
import { composeRules, secret, type ProcessConfig, type ProductionRule } from '../../platform/config';
import { httpsUnlessLoopback, problemIf } from '../../platform/productionRules';
import { subgraphConfigSchema, subgraphProductionRules } from '../../platform/subgraphConfig';

const int = () => z.coerce.number().int();

/** Trading's tunables; defaults are what `npm start` and the tests use unless they say otherwise. */
export const tradingSettingsSchema = z.object({
  TRADING_DATA_KEY: secret(
    z
      .string()
      .min(32)
      .optional()
      .describe('32+ chars; seals exchange API credentials at rest. Required in production.'),
  ),
  /** ₹5,00,000 per order, ₹10,00,000 per instrument, ₹1,00,000 a day. */
  RISK_MAX_ORDER_NOTIONAL_MINOR: z.coerce
    .bigint()
    .default(50_000_000n)
    .describe('Pre-trade limit: notional of one order, INR paise.'),
  RISK_MAX_POSITION_NOTIONAL_MINOR: z.coerce
    .bigint()
    .default(100_000_000n)
    .describe('Pre-trade limit: notional held in one instrument, INR paise.'),
  RISK_DAILY_LOSS_LIMIT_MINOR: z.coerce
    .bigint()
    .default(10_000_000n)
    .describe('Pre-trade limit: loss in one day, INR paise.'),
  PAPER_FEE_BPS: int().min(0).max(1000).default(0).describe('Paper fee in basis points of notional.'),
  PAPER_SLIPPAGE_BPS: int()
    .min(0)
    .max(1000)
    .default(0)
    .describe('Paper market fills pay this many bps beyond the bid/ask.'),
  PAPER_MAX_FILL_PER_TICK: z
    .string()
    .regex(/^\d{1,20}(\.\d{1,10})?$/)
    .optional()
    .describe('Paper fills at most this quantity per order per tick (partial fills); unset: no cap.'),
  LIVE_EXCHANGE_API_URLS: z
    .preprocess(
      (value) => {
        if (typeof value !== 'string') return value ?? {};
        try {
          return value ? JSON.parse(value) : {};
        } catch {
          return value; // not JSON: the record check below names the variable
        }
      },
      z.record(z.string(), z.url()),
    )
    .describe('JSON {"binance": "https://..."}: API base per exchange id instead of its real host.'),
  /** Longer counts as a timeout: the outcome is unknown and reconciled by client order id. */
  LIVE_TIMEOUT_MS: int().min(100).default(10_000).describe('Timeout of one exchange HTTP call (ms).'),
  LIVE_RETRY_ATTEMPTS: int().min(1).max(10).default(4).describe('Attempts of one exchange call.'),
  LIVE_RETRY_BASE_MS: int().min(0).default(200).describe('First retry delay (ms), doubling.'),
  LIVE_RETRY_MAX_MS: int().min(0).default(5_000).describe('Longest retry delay (ms).'),
  LIVE_BREAKER_THRESHOLD: int()
    .min(1)
    .default(5)
    .describe('Consecutive failed calls of one exchange account that open its circuit.'),
  LIVE_BREAKER_OPEN_MS: int().min(0).default(30_000).describe('How long an open circuit stays open (ms).'),
  LIVE_SYNC_INTERVAL_MS: int()
    .min(0)
    .default(5_000)
    .describe('How often open live orders are synced with their exchange (ms; 0: never).'),
});

export type TradingSettings = z.infer<typeof tradingSettingsSchema>;

export const tradingConfigSchema = subgraphConfigSchema.extend(tradingSettingsSchema.shape);
export type TradingConfig = z.infer<typeof tradingConfigSchema>;

/** Outside production a development key is derived; in production sealed credentials must survive. */
export const requiresTradingDataKey: ProductionRule<TradingConfig> = (config) =>
  problemIf(
    !config.TRADING_DATA_KEY,
    'TRADING_DATA_KEY',
    'required in production (seals exchange API secrets)',
  );

/** Exchange API keys sign every request: https, except to an emulator on this machine. */
export const exchangeUrlsHttpsUnlessLoopback: ProductionRule<TradingConfig> = (config) =>
  Object.entries(config.LIVE_EXCHANGE_API_URLS).flatMap(([exchange, url]) =>
    httpsUnlessLoopback(`LIVE_EXCHANGE_API_URLS`, url).map((problem) => `${problem} (${exchange})`),
  );

export const tradingProductionProblems = composeRules<TradingConfig>(
  ...subgraphProductionRules,
  requiresTradingDataKey,
  exchangeUrlsHttpsUnlessLoopback,
);

export const tradingConfig: ProcessConfig<typeof tradingConfigSchema> = {
  schema: tradingConfigSchema,
  productionProblems: tradingProductionProblems,
};
