import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { getModelSpec } from '@jobmatch/contracts';
import { prepareTestModelDir, sharedMiniLmDir } from '@jobmatch/onnx-testkit';
import { FETCH_MANIFEST_FILE, modelPathFor, sha256File, verifyModelFiles } from '../../src/inference/model-files';
import { fetchModel, ModelFetchError } from '../../src/model-fetch/fetch-model';

/** A local stand-in for the Hugging Face hub: GET /{repo}/resolve/{revision}/{path}. No internet involved. */
class FakeHub {
  readonly files = new Map<string, Buffer>();
  readonly requested: string[] = [];
  private server!: Server;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const url = request.url ?? '';
      this.requested.push(url);
      const body = this.files.get(url);
      if (!body) {
        response.writeHead(404).end('Entry not found');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length }).end(body);
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  serveFolder(repo: string, folder: string, paths: string[], revision = 'main'): void {
    for (const path of paths) this.files.set(`/${repo}/resolve/${revision}/${path}`, readFileSync(join(folder, path)));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const listFiles = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    : [];

describe('model:fetch', () => {
  const hub = new FakeHub();
  let endpoint: string;
  let modelDir: string;
  let generatedFolder: string;

  beforeAll(async () => {
    endpoint = await hub.start();
    generatedFolder = (await prepareTestModelDir({ preset: 'tiny', quantized: true })).modelPath;
  });
  afterAll(() => hub.stop());
  beforeEach(() => {
    hub.files.clear();
    hub.requested.length = 0;
    modelDir = mkdtempSync(join(tmpdir(), 'model-fetch-'));
  });
  afterEach(() => rmSync(modelDir, { recursive: true, force: true }));

  it('downloads every file into MODEL_DIR/<model id> and records their SHA-256 in a manifest', async () => {
    const spec = getModelSpec('sentence-transformers/all-MiniLM-L12-v2'); // nothing pinned for this one
    hub.serveFolder(
      spec.hubRepo,
      generatedFolder,
      spec.files.map((file) => file.path),
    );
    const result = await fetchModel({ modelId: spec.id, modelDir, endpoint, source: 'hub' });
    const modelPath = modelPathFor(modelDir, spec.id);
    expect(result.provenance['onnx/model.onnx']).toEqual({
      source: 'hub',
      repo: spec.hubRepo,
      revision: 'main', // the registry pins no revision for this model
      url: `${endpoint}/${spec.hubRepo}/resolve/main/onnx/model.onnx`,
    });
    expect(result.modelPath).toBe(modelPath);
    expect(listFiles(modelPath).sort()).toEqual([
      FETCH_MANIFEST_FILE,
      'config.json',
      'onnx/model.onnx',
      'tokenizer.json',
      'tokenizer_config.json',
    ]);
    const manifest = JSON.parse(readFileSync(join(modelPath, FETCH_MANIFEST_FILE), 'utf8')) as {
      files: Record<string, string>;
    };
    expect(manifest.files['onnx/model.onnx']).toBe(await sha256File(join(generatedFolder, 'onnx/model.onnx')));
    await expect(verifyModelFiles(modelPath, spec, false)).resolves.toBeUndefined();

    // Start-up then notices a file damaged after the download, against the manifest.
    writeFileSync(join(modelPath, 'onnx/model.onnx'), 'truncated');
    await expect(verifyModelFiles(modelPath, spec, false)).rejects.toThrow(
      /onnx\/model\.onnx: SHA-256 [0-9a-f]+ does not match the downloaded[\s\S]*pnpm model:fetch sentence-transformers\/all-MiniLM-L12-v2/,
    );
  });

  it('refuses a file whose SHA-256 does not match the pinned sum and installs nothing', async () => {
    const spec = getModelSpec('sentence-transformers/all-MiniLM-L6-v2');
    const revision = spec.hubRevision!;
    hub.serveFolder(
      spec.hubRepo,
      generatedFolder,
      ['tokenizer_config.json', 'config.json', 'onnx/model.onnx'],
      revision,
    );
    hub.files.set(`/${spec.hubRepo}/resolve/${revision}/tokenizer.json`, Buffer.from('{"corrupt": true}'));
    const failure = fetchModel({ modelId: spec.id, modelDir, endpoint, source: 'hub' });
    await expect(failure).rejects.toBeInstanceOf(ModelFetchError);
    await expect(failure).rejects.toThrow(/tokenizer\.json: SHA-256 [0-9a-f]{64} does not match the pinned aa5777dd/);
    expect(listFiles(modelDir)).toEqual([]); // no partial model, no temp files left behind
  });

  it('reports a file the hub does not have (404) and installs nothing', async () => {
    const spec = getModelSpec('sentence-transformers/all-MiniLM-L12-v2');
    hub.serveFolder(spec.hubRepo, generatedFolder, ['tokenizer.json', 'tokenizer_config.json', 'config.json']);
    await expect(fetchModel({ modelId: spec.id, modelDir, endpoint, source: 'hub' })).rejects.toThrow(
      /onnx\/model\.onnx: GET \S+ answered 404/,
    );
    expect(listFiles(modelDir)).toEqual([]);
  });

  it('rejects an unknown model id, listing the known ones', async () => {
    await expect(fetchModel({ modelId: 'acme/nope', modelDir, endpoint })).rejects.toThrow(
      /Unknown model "acme\/nope". Known models: .*all-MiniLM-L6-v2/,
    );
  });

  it('the CLI exits 1 with the reason when a download is corrupt', async () => {
    const spec = getModelSpec('sentence-transformers/all-MiniLM-L6-v2');
    hub.files.set(`/${spec.hubRepo}/resolve/${spec.hubRevision}/tokenizer.json`, Buffer.from('corrupt'));
    const tsx = require.resolve('tsx/cli');
    const run = promisify(execFile)(
      process.execPath,
      [tsx, join(__dirname, '../../src/model-fetch/cli.ts'), spec.id, '--source', 'hub', '--dir', modelDir],
      {
        env: { ...process.env, HF_ENDPOINT: endpoint },
      },
    );
    await expect(run).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('does not match the pinned') });
    expect(listFiles(modelDir)).toEqual([]);
  }, 30_000);

  const sharedDir = sharedMiniLmDir();
  (sharedDir ? it : it.skip)(
    sharedDir
      ? 'accepts the real MiniLM tokenizer files (pinned sums match) and skips files already present on a re-run'
      : 'skipped: ../shared/models/all-MiniLM-L6-v2 is absent, so no file can match the pinned all-MiniLM-L6-v2 sums',
    async () => {
      // The registry's entry, with the ONNX pins swapped for the generated files' (its tokenizer pins stay).
      const registry = getModelSpec('sentence-transformers/all-MiniLM-L6-v2');
      const generated = (await prepareTestModelDir({ preset: 'tiny', quantized: true })).spec;
      const spec = {
        ...registry,
        files: registry.files.map((file) =>
          file.path.startsWith('onnx/')
            ? { ...file, sha256: generated.files.find((g) => g.path === file.path)!.sha256 }
            : file,
        ),
      };
      const revision = spec.hubRevision!;
      hub.serveFolder(spec.hubRepo, sharedDir!, ['tokenizer.json', 'tokenizer_config.json', 'config.json'], revision);
      hub.serveFolder(spec.hubRepo, generatedFolder, ['onnx/model.onnx', 'onnx/model_quantized.onnx'], revision);
      const first = await fetchModel({ modelId: spec.id, spec, modelDir, endpoint, quantized: true, source: 'hub' });
      expect(first.downloaded.sort()).toEqual([
        'config.json',
        'onnx/model.onnx',
        'onnx/model_quantized.onnx',
        'tokenizer.json',
        'tokenizer_config.json',
      ]);
      await expect(verifyModelFiles(first.modelPath, spec, true)).resolves.toBeUndefined();
      hub.requested.length = 0;
      const second = await fetchModel({ modelId: spec.id, spec, modelDir, endpoint, source: 'hub' });
      // Nothing is downloaded again: every file is present with its pinned sum.
      expect(second.alreadyPresent.sort()).toEqual([
        'config.json',
        'onnx/model.onnx',
        'tokenizer.json',
        'tokenizer_config.json',
      ]);
      expect(second.downloaded).toEqual([]);
      expect(hub.requested).toEqual([]);
    },
  );
});
