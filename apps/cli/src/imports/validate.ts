import { ApiException, createValidationPipe } from '@jobmatch/nest-common';

/** The HTTP API's own validation pipe: the same rules, conversions and messages for file records. */
const pipe = createValidationPipe();

/** A record as the API would accept it as a request body, or the API's message saying why not. */
export async function validateAs<T extends object>(
  metatype: new () => T,
  value: unknown,
): Promise<{ value: T } | { error: string }> {
  try {
    return { value: (await pipe.transform(value, { type: 'body', metatype })) as T };
  } catch (error) {
    if (error instanceof ApiException) return { error: (error.getResponse() as { message: string }).message };
    throw error;
  }
}
