import type { DynamicModule, Type } from '@nestjs/common';
import { HealthModule } from './health';
import { InfrastructureModule } from './infrastructure';
import { createLoggerModule } from './logging';
import { MetricsModule } from './metrics';

/** The settings every service's config has (libs/config commonEnvSchema). */
export interface ServiceFoundationConfig {
  LOG_LEVEL: string;
  DATABASE_URL: string;
  DATABASE_POOL_SIZE: number;
  /** Absent in services without Redis (skill-gap). */
  REDIS_URL?: string;
  MODEL_ID: string;
  /** The APIs' (absent in the embedder: default). */
  ACTIVE_MODEL_REFRESH_MS?: number;
}

/**
 * What every service's AppModule imports: JSON logs, the shared connections (Postgres pool and,
 * where the config has REDIS_URL, one Redis client), health indicators and GET /metrics.
 */
export function serviceFoundationImports(config: ServiceFoundationConfig): (DynamicModule | Type)[] {
  return [
    createLoggerModule(config.LOG_LEVEL),
    InfrastructureModule.forRoot({
      databaseUrl: config.DATABASE_URL,
      databasePoolSize: config.DATABASE_POOL_SIZE,
      redisUrl: config.REDIS_URL,
      modelId: config.MODEL_ID,
      activeModelRefreshMs: config.ACTIVE_MODEL_REFRESH_MS,
    }),
    HealthModule,
    MetricsModule,
  ];
}
