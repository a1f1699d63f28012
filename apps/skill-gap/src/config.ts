import { skillGapEnvSchema, loadConfig, type SkillGapEnv } from '@jobmatch/config';

export const APP_CONFIG = Symbol('APP_CONFIG');
export type AppConfig = SkillGapEnv;

export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return loadConfig(skillGapEnvSchema, env);
}
