import { matcherEnvSchema, loadConfig, type MatcherEnv } from '@jobmatch/config';

export const APP_CONFIG = Symbol('APP_CONFIG');
export type AppConfig = MatcherEnv;

export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return loadConfig(matcherEnvSchema, env);
}
