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
  REDIS_URL: string;
}

/**
 * What every service's AppModule imports: JSON logs, the shared connections (Postgres pool and,
 * unless `redis: false`, one Redis client), health indicators and GET /metrics.
 */
export function serviceFoundationImports(config: ServiceFoundationConfig, options: { redis: boolean } = { redis: true }): (DynamicModule | Type)[] {
  return [
    createLoggerModule(config.LOG_LEVEL),
    InfrastructureModule.forRoot({
      databaseUrl: config.DATABASE_URL,
      databasePoolSize: config.DATABASE_POOL_SIZE,
      redisUrl: options.redis ? config.REDIS_URL : undefined,
    }),
    HealthModule,
    MetricsModule,
  ];
}
