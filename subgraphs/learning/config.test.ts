import { loadProcessConfig } from '../../platform/config';
import { configErrorOf, namedVariables, productionBase } from '../../test/support/configFixtures';
import { learningConfig } from './config';

describe('learning config', () => {
  it('loads a complete production environment', () => {
    expect(loadProcessConfig(learningConfig, productionBase)).toMatchObject({
      PORT: 4001,
      OUTBOX_POLL_MS: 250,
    });
  });

  it('outside production, runs on the in-process stand-ins for Redis and Kafka', () => {
    const { REDIS_URL: _redis, KAFKA_BROKERS: _kafka, ...rest } = productionBase;
    const config = loadProcessConfig(learningConfig, { ...rest, NODE_ENV: 'development' });
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.KAFKA_BROKERS).toBeUndefined();
  });

  it('production requires DATABASE_URL, REDIS_URL and KAFKA_BROKERS, named together', () => {
    const { REDIS_URL: _redis, KAFKA_BROKERS: _kafka, DATABASE_URL: _db, ...rest } = productionBase;
    const message = configErrorOf(() => loadProcessConfig(learningConfig, rest));
    expect(namedVariables(message).sort()).toEqual(['DATABASE_URL', 'KAFKA_BROKERS', 'REDIS_URL']);
  });

  it('names malformed values with the production problems of the rest', () => {
    const { REDIS_URL: _redis, ...rest } = productionBase;
    const message = configErrorOf(() =>
      loadProcessConfig(learningConfig, { ...rest, KAFKA_BROKERS: 'no-port', GATEWAY_SECRET: 'short' }),
    );
    expect(namedVariables(message).sort()).toEqual(['GATEWAY_SECRET', 'KAFKA_BROKERS', 'REDIS_URL']);
  });
});
