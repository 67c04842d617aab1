import { loadProcessConfig } from '../../platform/config';
import { DEFAULT_FREE_SIGNAL_DELAY_MS } from '../../platform/signalTiers';
import { configErrorOf, namedVariables, productionBase } from '../../test/support/configFixtures';
import { signalsConfig } from './config';

describe('signals config', () => {
  it('owns the FREE delay: 15 minutes unless set', () => {
    expect(loadProcessConfig(signalsConfig, productionBase).FREE_SIGNAL_DELAY_MS).toBe(
      DEFAULT_FREE_SIGNAL_DELAY_MS,
    );
    expect(
      loadProcessConfig(signalsConfig, { ...productionBase, FREE_SIGNAL_DELAY_MS: '2500' })
        .FREE_SIGNAL_DELAY_MS,
    ).toBe(2500);
  });

  it('production requires Redis (the live fan-out) and Kafka', () => {
    const { REDIS_URL: _redis, KAFKA_BROKERS: _kafka, ...rest } = productionBase;
    expect(namedVariables(configErrorOf(() => loadProcessConfig(signalsConfig, rest))).sort()).toEqual([
      'KAFKA_BROKERS',
      'REDIS_URL',
    ]);
  });

  it('refuses a negative delay', () => {
    const message = configErrorOf(() =>
      loadProcessConfig(signalsConfig, { ...productionBase, FREE_SIGNAL_DELAY_MS: '-1' }),
    );
    expect(namedVariables(message)).toEqual(['FREE_SIGNAL_DELAY_MS']);
  });
});
