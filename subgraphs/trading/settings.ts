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
});

export type TradingSettings = z.infer<typeof tradingSettingsSchema>;

export const tradingConfigSchema = subgraphConfigSchema.extend(tradingSettingsSchema.shape);
export type TradingConfig = z.infer<typeof tradingConfigSchema>;
