import { z } from 'zod';
import { ConfigError, composeRules, loadConfig, loadProcessConfig } from './config';
import { problemIf } from './productionRules';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production']).default('development'),
  LOG_LEVEL: z.enum(['info', 'debug']).default('info'),
  PORT: z.coerce.number().int(),
  SECRET: z.string().optional(),
  OTHER: z.string().optional(),
});
const productionProblems = composeRules<z.infer<typeof schema>>(
  (config) => problemIf(!config.SECRET, 'SECRET', 'required in production'),
  (config) => problemIf(!config.OTHER, 'OTHER', 'required in production'),
);
const processConfig = { schema, productionProblems };

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('parses and applies defaults; production rules do not run outside production', () => {
    expect(loadProcessConfig(processConfig, { PORT: '4001' })).toEqual({
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      PORT: 4001,
    });
  });

  it('runs every production rule and names every variable in one error', () => {
    const message = messageOf(() => loadProcessConfig(processConfig, { NODE_ENV: 'production', PORT: '1' }));
    expect(message).toContain('SECRET: required in production');
    expect(message).toContain('OTHER: required in production');
  });

  it('reports malformed values and the production problems of the rest together', () => {
    const message = messageOf(() =>
      loadProcessConfig(processConfig, { NODE_ENV: 'production', PORT: '1', LOG_LEVEL: 'loud', OTHER: 'x' }),
    );
    expect(message).toMatch(/LOG_LEVEL: /);
    expect(message).toContain('SECRET: required in production');
    expect(message).not.toContain('OTHER:');
  });

  it('names a missing required variable with the production problems', () => {
    const message = messageOf(() => loadConfig(schema, { NODE_ENV: 'production' }, productionProblems));
    expect(message).toMatch(/PORT: /);
    expect(message).toContain('SECRET: required in production');
  });

  it('accepts a production config that satisfies every rule', () => {
    expect(
      loadProcessConfig(processConfig, { NODE_ENV: 'production', PORT: '1', SECRET: 's', OTHER: 'o' }),
    ).toMatchObject({ NODE_ENV: 'production', SECRET: 's' });
  });
});
