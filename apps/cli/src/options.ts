import { CliError } from './cli-error';
import { EXIT_USAGE_CODE } from './exit-codes';

/** A commander option parser for positive integers (a wrong value is a usage error). */
export const positiveInt =
  (name: string) =>
  (value: string): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1)
      throw new CliError(`${name} must be a positive integer, got ${value}`, EXIT_USAGE_CODE);
    return parsed;
  };

export const ENTITIES = ['job', 'resume'] as const;

/** --entity job|resume|all → the entities to work on. */
export function entitiesOf(value: string | undefined): ('job' | 'resume')[] {
  if (value === undefined || value === 'all') return [...ENTITIES];
  if (value === 'job' || value === 'resume') return [value];
  throw new CliError(`--entity must be job, resume or all, got ${value}`, EXIT_USAGE_CODE);
}
