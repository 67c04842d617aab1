import { loadProcessConfig } from '../platform/config';
import { configErrorOf, namedVariables, productionBase } from '../test/support/configFixtures';
import { gatewayConfig, gatewayConfigSchema, gatewayProductionProblems } from './config';

const { DATABASE_URL: _database, ...gatewayBase } = productionBase;

describe('gateway config', () => {
  it('loads a complete production environment without a database', () => {
    expect(loadProcessConfig(gatewayConfig, { ...gatewayBase, PORT: '4000' })).toMatchObject({
      PORT: 4000,
      IDENTITY_URL: 'http://127.0.0.1:4001/graphql',
    });
  });

  it('production requires Redis (rate limits, denylist, live pub/sub) and Kafka (cache invalidation)', () => {
    const { REDIS_URL: _redis, KAFKA_BROKERS: _kafka, ...rest } = gatewayBase;
    expect(namedVariables(configErrorOf(() => loadProcessConfig(gatewayConfig, rest))).sort()).toEqual([
      'KAFKA_BROKERS',
      'REDIS_URL',
    ]);
    expect(gatewayProductionProblems(gatewayConfigSchema.parse(gatewayBase))).toEqual([]);
  });

  it('reads no variable another process owns', () => {
    const names = Object.keys(gatewayConfigSchema.shape);
    for (const owned of [
      'DATABASE_URL',
      'FREE_SIGNAL_DELAY_MS',
      'JWT_ISSUER',
      'JWT_AUDIENCE',
      'GATEWAY_SIGNATURE_WINDOW_MS',
    ]) {
      expect(names).not.toContain(owned);
    }
  });

  it('names malformed values with the production problems of the rest', () => {
    const { REDIS_URL: _redis, ...rest } = gatewayBase;
    const message = configErrorOf(() =>
      loadProcessConfig(gatewayConfig, { ...rest, TRUSTED_PROXIES: 'not-an-address', MAX_QUERY_DEPTH: '0' }),
    );
    expect(namedVariables(message).sort()).toEqual(['MAX_QUERY_DEPTH', 'REDIS_URL', 'TRUSTED_PROXIES']);
  });
});
