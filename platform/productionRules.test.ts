import {
  httpsUnlessLoopback,
  isLoopbackUrl,
  problemIf,
  requiresKafka,
  requiresRedis,
} from './productionRules';

describe('production rules every process shares', () => {
  it('requiresRedis and requiresKafka name the missing variable, and pass when it is set', () => {
    expect(requiresRedis({ REDIS_URL: undefined })).toEqual([expect.stringMatching(/^REDIS_URL: required/)]);
    expect(requiresRedis({ REDIS_URL: 'redis://redis:6379' })).toEqual([]);
    expect(requiresKafka({ KAFKA_BROKERS: undefined })).toEqual([
      expect.stringMatching(/^KAFKA_BROKERS: required/),
    ]);
    expect(requiresKafka({ KAFKA_BROKERS: 'kafka:9092' })).toEqual([]);
  });

  it.each([
    ['http://127.0.0.1:9000', true],
    ['http://127.1.2.3', true],
    ['http://localhost:3000/x', true],
    ['http://[::1]:8080', true],
    ['http://10.0.0.5', false],
    ['http://128.0.0.1', false],
    ['http://localhost.example.com', false],
    ['https://api.postmarkapp.com', false],
  ])('isLoopbackUrl(%s) is %s', (url, loopback) => {
    expect(isLoopbackUrl(url)).toBe(loopback);
  });

  it('httpsUnlessLoopback refuses http to a remote host only', () => {
    expect(httpsUnlessLoopback('X_URL', 'https://api.example.com')).toEqual([]);
    expect(httpsUnlessLoopback('X_URL', 'http://127.0.0.1:4010')).toEqual([]);
    expect(httpsUnlessLoopback('X_URL', undefined)).toEqual([]);
    expect(httpsUnlessLoopback('X_URL', 'http://api.example.com')).toEqual([
      expect.stringMatching(/^X_URL: must be an https:\/\/ URL/),
    ]);
  });

  it('problemIf formats VARIABLE: message', () => {
    expect(problemIf(true, 'A', 'b')).toEqual(['A: b']);
    expect(problemIf(false, 'A', 'b')).toEqual([]);
  });
});
