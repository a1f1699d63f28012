import { isDatabaseUnavailable } from '../src/errors';

/** Which pg errors mean "Postgres cannot be reached" (→ 503 + Retry-After), and which are bugs (→ 500). */
describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a reset connection', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['no free pooled client in time', new Error('timeout exceeded when trying to connect')],
    // A host that stopped answering: pg's connectionTimeoutMillis ends the attempt with this message.
    ['a new connection without an answer', new Error('Connection terminated due to connection timeout')],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    [
      'the server shutting down',
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    ],
  ])('%s is an outage', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a syntax error', Object.assign(new Error('syntax error at or near "SELEC"'), { code: '42601' })],
    ['a unique violation', Object.assign(new Error('duplicate key value'), { code: '23505' })],
    ['not an error object', 'Connection terminated due to connection timeout'],
  ])('%s is not', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
