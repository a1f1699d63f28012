import { register, type Metric } from 'prom-client';

/**
 * Registers a metric once per process: tests build several Nest apps in one process, and
 * prom-client refuses a second metric with the same name in the global registry. Its own module so
 * providers (infrastructure) can register metrics without importing the metrics controller.
 */
export function registerOnce<T extends Metric>(name: string, create: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? create();
}
