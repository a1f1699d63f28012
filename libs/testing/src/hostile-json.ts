import fc from 'fast-check';

/** Strings a hostile or careless caller sends: huge, empty, odd unicode, SQL- and script-looking. */
export const hostileString = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme', maxLength: 50 }),
    fc.constantFrom(
      '',
      ' ',
      '\u0000',
      '\uD800',
      '\u202Eevil',
      '🧑‍💻'.repeat(500),
      "'; DROP TABLE jobs; --",
      "' OR '1'='1",
      '$1',
      '%s%s%s',
      '<script>alert(1)</script>',
      '../../etc/passwd',
      '00000000-0000-0000-0000-000000000000',
      'NaN',
      '-1',
      '1e309',
    ),
    fc.nat({ max: 300_000 }).map((length) => 'x'.repeat(length)),
  );

/** Keys that break naive object handling, mixed with ordinary ones. */
export const hostileKey = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '$where', ''),
    fc.string({ maxLength: 12 }),
  );

/** Any JSON value, with hostile strings and keys at every depth. */
export const hostileJson = (): fc.Arbitrary<unknown> =>
  fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      hostileString(),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 5 }),
      fc.dictionary(hostileKey(), tie('value'), { maxKeys: 5 }),
    ),
  })).value;

/**
 * A request body for an endpoint whose valid fields are `fields`: each field present or not, with
 * a value of any type, plus unknown and prototype-polluting keys now and then.
 */
export const hostileBody = (fields: string[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    hostileJson(),
    fc
      .tuple(
        fc.record(Object.fromEntries(fields.map((field) => [field, hostileJson()])), { requiredKeys: [] }),
        fc.dictionary(hostileKey(), hostileJson(), { maxKeys: 3 }),
      )
      .map(([known, extra]) => Object.assign(Object.create(null) as object, known, extra)),
  );

/** What every answer to a hostile request must look like: no 5xx, no stack, the API's error shape. */
export function expectSafeAnswer(status: number, body: unknown): void {
  if (status >= 500) throw new Error(`answered ${status}: ${JSON.stringify(body).slice(0, 300)}`);
  const text = JSON.stringify(body) ?? '';
  if (/\bat [\w.<>]+ \(|node_modules|\.ts:\d+/.test(text))
    throw new Error(`the answer leaks a stack trace: ${text.slice(0, 300)}`);
  if (status >= 400) {
    const error = body as { statusCode?: unknown; code?: unknown; message?: unknown };
    if (error?.statusCode !== status || typeof error.code !== 'string' || typeof error.message !== 'string') {
      throw new Error(`a ${status} without the error shape: ${text.slice(0, 300)}`);
    }
  }
}

/** Runs as a jest test body: `check` on `runs` values of `arbitrary`, with a fixed seed so a failure replays. */
export function propertyTest<T>(
  arbitrary: fc.Arbitrary<T>,
  check: (value: T) => Promise<unknown>,
  runs = Number(process.env.PROPERTY_RUNS ?? 60),
): () => Promise<void> {
  return () =>
    fc.assert(
      fc.asyncProperty(arbitrary, async (value) => {
        await check(value);
      }),
      { numRuns: runs, seed: 20261201 },
    );
}
