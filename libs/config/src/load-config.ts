import { z } from 'zod';

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((line) => `  - ${line}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates the environment once, at start-up. Every problem is reported at once and names
 * the variable, so a misconfigured deployment fails fast with a message a person can act on.
 */
export function loadConfig<T extends z.ZodType>(
  schema: T,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    const variable = issue.path.join('.') || '(environment)';
    const value = env[variable];
    const shown = value === undefined ? 'is not set' : `is ${JSON.stringify(value)}`;
    return `${variable} ${shown}: ${issue.message}`;
  });
  throw new ConfigError(issues);
}
