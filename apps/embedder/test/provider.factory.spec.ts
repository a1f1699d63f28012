import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getModelSpec } from '@jobmatch/contracts';
import { loadAppConfig } from '../src/config';
import { resolveModelSpec } from '../src/embedding/model-spec';
import { createEmbeddingProvider } from '../src/embedding/provider.factory';
import { ModelFilesError } from '../src/inference/model-files';
import { RemoteEmbeddingProvider } from '../src/inference/remote-embedding-provider';
import { EmbedderMetrics } from '../src/metrics/embedder-metrics';

const baseEnv = { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/unused' };

describe('provider selection (EMBEDDING_PROVIDER)', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'embedder-factory-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('onnx: refuses to start on a missing model, naming pnpm model:fetch', async () => {
    const config = loadAppConfig({ ...baseEnv, MODEL_DIR: folder });
    const failure = await createEmbeddingProvider(config, new EmbedderMetrics()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ModelFilesError);
    expect((failure as Error).message).toContain('pnpm model:fetch sentence-transformers/all-MiniLM-L6-v2');
  });

  it.each(['huggingface', 'openai'] as const)('%s: builds the remote provider for MODEL_ID', async (kind) => {
    const config = loadAppConfig({
      ...baseEnv,
      EMBEDDING_PROVIDER: kind,
      MODEL_ID: 'intfloat/multilingual-e5-small',
      REMOTE_EMBEDDING_URL: 'http://127.0.0.1:9/v1',
    });
    const provider = await createEmbeddingProvider(config, new EmbedderMetrics());
    expect(provider).toBeInstanceOf(RemoteEmbeddingProvider);
    expect(provider).toMatchObject({ kind, modelId: 'intfloat/multilingual-e5-small', dimension: 384 });
    await provider.close();
  });

  it('remote providers need REMOTE_EMBEDDING_URL', async () => {
    const config = loadAppConfig({ ...baseEnv, EMBEDDING_PROVIDER: 'openai' });
    await expect(createEmbeddingProvider(config, new EmbedderMetrics())).rejects.toThrow('needs REMOTE_EMBEDDING_URL');
  });

  it('MODEL_SPEC_FILE replaces the registry entry, and is checked', () => {
    const spec = { ...getModelSpec('sentence-transformers/all-MiniLM-L6-v2'), maxSeqLength: 64 };
    const good = path.join(folder, 'good.json');
    writeFileSync(good, JSON.stringify(spec));
    expect(resolveModelSpec({ MODEL_ID: spec.id, MODEL_SPEC_FILE: good })).toEqual(spec);
    expect(resolveModelSpec({ MODEL_ID: spec.id })).toEqual(getModelSpec(spec.id));

    expect(() => resolveModelSpec({ MODEL_ID: 'other/model', MODEL_SPEC_FILE: good })).toThrow(
      /MODEL_ID is "other\/model"/,
    );
    const bad = path.join(folder, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...spec, dimension: -1, pooling: 'max' }));
    expect(() => resolveModelSpec({ MODEL_ID: spec.id, MODEL_SPEC_FILE: bad })).toThrow(
      /dimension must be a positive integer; pooling must be/,
    );
    expect(() => resolveModelSpec({ MODEL_ID: spec.id, MODEL_SPEC_FILE: path.join(folder, 'missing.json') })).toThrow(
      /not readable JSON/,
    );
  });
});
