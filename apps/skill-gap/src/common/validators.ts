import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/**
 * The nested object must set exactly one of `keys` (e.g. a resume given by `id` or by `text`).
 * Runs on the parent property so the message names the object, not a half-filled field.
 */
export function HasExactlyOneOf(keys: readonly string[], options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'hasExactlyOneOf',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [keys],
      options: {
        message: (args: ValidationArguments) => `${args.property} must set exactly one of: ${keys.join(', ')}`,
        ...options,
      },
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'object' || value === null) return false;
          const record = value as Record<string, unknown>;
          return keys.filter((k) => record[k] !== undefined && record[k] !== null).length === 1;
        },
      },
    });
  };
}

/** Text that has at least one non-whitespace character. */
export const NOT_BLANK = /\S/;
