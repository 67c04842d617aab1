import { z } from 'zod';
import { subgraphConfigSchema } from '../../platform/subgraphConfig';

/** Trading's tunables; defaults are what `npm start` and the tests use unless they say otherwise. */
export const tradingSettingsSchema = z.object({
  /** 32+ chars; seals exchange API credentials at rest. Required in production; a dev key otherwise. */
  TRADING_DATA_KEY: z.string().min(32).optional(),
  /** Pre-trade limits in INR paise (₹5,00,000 per order, ₹10,00,000 per instrument, ₹1,00,000 a day). */
  RISK_MAX_ORDER_NOTIONAL_MINOR: z.coerce.bigint().default(50_000_000n),
  RISK_MAX_POSITION_NOTIONAL_MINOR: z.coerce.bigint().default(100_000_000n),
  RISK_DAILY_LOSS_LIMIT_MINOR: z.coerce.bigint().default(10_000_000n),
  /** Paper fee in basis points of notional. */
  PAPER_FEE_BPS: z.coerce.number().int().min(0).max(1000).default(0),
  /** Paper market fills pay this many bps beyond the bid/ask (buys above, sells below). */
  PAPER_SLIPPAGE_BPS: z.coerce.number().int().min(0).max(1000).default(0),
  /** Paper fills at most this quantity per order per tick (partial fills); unset: no cap. */
  PAPER_MAX_FILL_PER_TICK: z
    .string()
    .regex(/^\d{1,20}(\.\d{1,10})?$/)
    .optional(),
  /** JSON {"binance": "http://127.0.0.1:9999"}: API base per exchange id instead of the real host. */
  LIVE_EXCHANGE_API_URLS: z.preprocess(
    (value) => {
      if (typeof value !== 'string') return value ?? {};
      try {
        return value ? JSON.parse(value) : {};
      } catch {
        return value; // not JSON: the record check below names the variable
      }
    },
    z.record(z.string(), z.url()),
  ),
  /** One exchange HTTP call; longer counts as a timeout (outcome unknown: reconciled by client order id). */
  LIVE_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  LIVE_RETRY_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(4),
  LIVE_RETRY_BASE_MS: z.coerce.number().int().min(0).default(200),
  LIVE_RETRY_MAX_MS: z.coerce.number().int().min(0).default(5_000),
  /** Consecutive failed calls of one exchange account that open its circuit, and for how long. */
  LIVE_BREAKER_THRESHOLD: z.coerce.number().int().min(1).default(5),
  LIVE_BREAKER_OPEN_MS: z.coerce.number().int().min(0).default(30_000),
  /** How often open live orders are synced with their exchange (0: never). */
  LIVE_SYNC_INTERVAL_MS: z.coerce.number().int().min(0).default(5_000),
});

export type TradingSettings = z.infer<typeof tradingSettingsSchema>;

export const tradingConfigSchema = subgraphConfigSchema.extend(tradingSettingsSchema.shape);
export type TradingConfig = z.infer<typeof tradingConfigSchema>;
