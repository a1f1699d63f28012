import { ConfigError, loadConfig } from '../src/load-config';
import { embedderEnvSchema, matcherEnvSchema } from '../src/schemas';

describe('loadConfig', () => {
  it('applies defaults and coerces numbers and booleans', () => {
    const config = loadConfig(matcherEnvSchema, { DATABASE_URL: 'postgresql://localhost/db', PORT: '3100' });
    expect(config.PORT).toBe(3100);
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.MATCH_WEIGHT_SEMANTIC).toBe(0.45);
    expect(config.UPLOAD_MAX_BYTES).toBe(5 * 1024 * 1024);
  });

  it('fails fast with a message naming every bad variable', () => {
    let caught: unknown;
    try {
      loadConfig(matcherEnvSchema, { DATABASE_URL: 'mysql://nope', PORT: 'eighty', REDIS_URL: 'localhost' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as ConfigError).message;
    expect(message).toMatch(/DATABASE_URL is "mysql:\/\/nope": must be a postgres:\/\/ connection URL/);
    expect(message).toMatch(/PORT is "eighty"/);
    expect(message).toMatch(/REDIS_URL is "localhost"/);
    expect((caught as ConfigError).issues).toHaveLength(3);
  });

  it('reports a missing required variable as not set', () => {
    expect(() => loadConfig(matcherEnvSchema, {})).toThrow(/DATABASE_URL is not set/);
  });

  it('validates EMBED_LONG_TEXT (default sections) and names it when it is not a known strategy', () => {
    const base = { DATABASE_URL: 'postgresql://localhost/db' };
    expect(loadConfig(embedderEnvSchema, base).EMBED_LONG_TEXT).toBe('sections');
    expect(loadConfig(embedderEnvSchema, { ...base, EMBED_LONG_TEXT: 'windows' }).EMBED_LONG_TEXT).toBe('windows');
    expect(() => loadConfig(embedderEnvSchema, { ...base, EMBED_LONG_TEXT: 'summarize' })).toThrow(/EMBED_LONG_TEXT is "summarize"/);
  });

  it('reads DATABASE_READ_URL as a list of replica URLs (empty: none) and names it when one is not a postgres URL', () => {
    const base = { DATABASE_URL: 'postgresql://localhost/db' };
    expect(loadConfig(matcherEnvSchema, base).DATABASE_READ_URL).toEqual([]);
    expect(loadConfig(matcherEnvSchema, { ...base, DATABASE_READ_URL: 'postgresql://r1/db, postgres://r2:5433/db' }).DATABASE_READ_URL).toEqual(['postgresql://r1/db', 'postgres://r2:5433/db']);
    expect(loadConfig(matcherEnvSchema, base).DATABASE_READ_MAX_LAG_MS).toBe(5000);
    expect(() => loadConfig(matcherEnvSchema, { ...base, DATABASE_READ_URL: 'postgresql://r1/db,r2:5432' })).toThrow(/DATABASE_READ_URL .*"r2:5432" is not a postgres:\/\/ connection URL/);
  });
});
