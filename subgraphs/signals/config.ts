import { z } from 'zod';
import { composeRules, type ProcessConfig } from '../../platform/config';
import { DEFAULT_FREE_SIGNAL_DELAY_MS } from '../../platform/signalTiers';
import { subgraphConfigSchema, subgraphProductionRules } from '../../platform/subgraphConfig';
import { marketDataSettingsShape } from './marketData/settings';

export const signalsConfigSchema = subgraphConfigSchema.extend(marketDataSettingsShape).extend({
  /**
   * Signals owns the tier rules: history queries apply this delay, and the fan-out stamps each live
   * event with the time every tier may see it (`releaseAt`), which the gateways honour. So no gateway
   * variable has to match this one.
   */
  FREE_SIGNAL_DELAY_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(DEFAULT_FREE_SIGNAL_DELAY_MS)
    .describe('How long after publication FREE users see a signal, live and in history (ms).'),
});

export type SignalsConfig = z.infer<typeof signalsConfigSchema>;

/** The live fan-out publishes to Redis for every gateway: requiresRedis covers it. */
export const signalsProductionProblems = composeRules<SignalsConfig>(...subgraphProductionRules);

export const signalsConfig: ProcessConfig<typeof signalsConfigSchema> = {
  schema: signalsConfigSchema,
  productionProblems: signalsProductionProblems,
};
