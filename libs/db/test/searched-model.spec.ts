import { SearchedModel } from '../src';

describe('SearchedModel', () => {
  it('reads the active model at most once per refresh interval, and follows a switch after it', async () => {
    let active: string | null = 'model/a';
    let now = 0;
    const activeModelId = jest.fn(async () => active);
    const searched = new SearchedModel({ activeModelId }, 'configured/model', 5_000, () => now);
    expect(await Promise.all([searched.modelId(), searched.modelId()])).toEqual(['model/a', 'model/a']);
    expect(activeModelId).toHaveBeenCalledTimes(1);
    active = 'model/b';
    now = 4_999;
    expect(await searched.modelId()).toBe('model/a');
    now = 5_000;
    expect(await searched.modelId()).toBe('model/b');
    expect(activeModelId).toHaveBeenCalledTimes(2);
    // No active model registered yet: the configured MODEL_ID.
    active = null;
    now = 10_000;
    expect(await searched.modelId()).toBe('configured/model');
  });

  it('keeps the last known model when a refresh fails, and fails when it never knew one', async () => {
    let now = 0;
    const activeModelId = jest.fn().mockResolvedValueOnce('model/a').mockRejectedValue(new Error('connection refused'));
    const searched = new SearchedModel({ activeModelId }, 'configured/model', 1_000, () => now);
    expect(await searched.modelId()).toBe('model/a');
    now = 2_000;
    expect(await searched.modelId()).toBe('model/a');
    const never = new SearchedModel({ activeModelId: jest.fn().mockRejectedValue(new Error('connection refused')) }, 'configured/model', 1_000);
    await expect(never.modelId()).rejects.toThrow('connection refused');
  });
});
