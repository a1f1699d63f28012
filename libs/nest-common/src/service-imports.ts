import type { DynamicModule, Type } from '@nestjs/common';
import { HealthModule } from './health';
import { InfrastructureModule } from './infrastructure';
import { createLoggerModule } from './logging';
import { MetricsModule } from './metrics';

/** The settings every service's config has (libs/config commonEnvSchema). */
export interface ServiceFoundationConfig {
  NODE_ENV: string;
  LOG_LEVEL: string;
  METRICS_TOKEN?: string;
  DATABASE_URL: string;
  DATABASE_POOL_SIZE: number;
  /** HTTP APIs only (libs/config httpApiEnvSchema): the embedder writes, and reads its own writes. */
  DATABASE_READ_URL?: string[];
  DATABASE_READ_MAX_LAG_MS?: number;
  /** Absent in services without Redis (skill-gap). */
  REDIS_URL?: string;
  MODEL_ID: string;
  /** The APIs' (absent in the embedder: default). */
  ACTIVE_MODEL_REFRESH_MS?: number;
}

/** The shared connections (InfrastructureModule) for a service's config; also what the operator CLI's context imports. */
export function infrastructureFor(config: Omit<ServiceFoundationConfig, 'LOG_LEVEL'>): DynamicModule {
  return InfrastructureModule.forRoot({
    databaseUrl: config.DATABASE_URL,
    databasePoolSize: config.DATABASE_POOL_SIZE,
    databaseReadUrls: config.DATABASE_READ_URL,
    databaseReadMaxLagMs: config.DATABASE_READ_MAX_LAG_MS,
    redisUrl: config.REDIS_URL,
    modelId: config.MODEL_ID,
    activeModelRefreshMs: config.ACTIVE_MODEL_REFRESH_MS,
  });
}

/**
 * What every service's AppModule imports: JSON logs, the shared connections (Postgres pool and,
 * where the config has REDIS_URL, one Redis client), health indicators and GET /metrics (behind METRICS_TOKEN).
 */
export function serviceFoundationImports(config: ServiceFoundationConfig): (DynamicModule | Type)[] {
  return [
    createLoggerModule(config.LOG_LEVEL),
    infrastructureFor(config),
    HealthModule,
    MetricsModule.forRoot({ NODE_ENV: config.NODE_ENV, METRICS_TOKEN: config.METRICS_TOKEN }),
  ];
}
