import type { ModelRegistry } from './model-registry';

/**
 * The model the APIs search, embed queries with and enqueue writes for: the registry's active model
 * (embedding_models), read at most every `refreshMs`, so a switch (`model activate`) reaches every
 * API replica within that time without a restart. Before any model is registered (a fresh database
 * the embedder has not registered into yet) it is the configured MODEL_ID. A failed refresh keeps
 * the last known model (the search itself then reports the database outage).
 */
export class SearchedModel {
  private current?: { modelId: string; readAt: number };
  private refreshing?: Promise<string>;

  constructor(
    private readonly registry: Pick<ModelRegistry, 'activeModelId'>,
    private readonly fallbackModelId: string,
    private readonly refreshMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async modelId(): Promise<string> {
    if (this.current && this.now() - this.current.readAt < this.refreshMs) return this.current.modelId;
    this.refreshing ??= this.refresh().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async refresh(): Promise<string> {
    try {
      const modelId = (await this.registry.activeModelId()) ?? this.fallbackModelId;
      this.current = { modelId, readAt: this.now() };
      return modelId;
    } catch (error) {
      if (this.current) return this.current.modelId;
      throw error;
    }
  }
}
