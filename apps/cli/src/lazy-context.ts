import type { DataContext } from './context';

/**
 * withDataContext (./context) loaded on first use: Nest, the matcher's services and the database
 * and queue clients cost ≈ 1 s of start-up that `--help`, `skills extract` and `taxonomy import`
 * should not pay. Command files register through this; their actions import the rest.
 */
export async function withDataContext<T>(work: (context: DataContext) => Promise<T>): Promise<T> {
  const { withDataContext: run } = await import('./context.js');
  return run(work);
}
