/**
 * Embeds benchmark texts with the real model through the embedder's own pipeline
 * (OnnxEmbeddingProvider: tokenizer, ORT, mean pooling, normalization) and caches the vectors in a file
 * outside the repository ($HOME/.cache/jobmatch/bench/, BENCH_CACHE_DIR to move it), so the slow part —
 * 100 000 texts on two shared cores — is paid once. The cache is keyed by the model file's SHA-256,
 * the precision and a digest of the texts, and written in chunks: an interrupted run
 * resumes where it stopped.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, statSync, truncateSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { OnnxEmbeddingProvider } from '../../../apps/embedder/src/inference/onnx-embedding-provider';
import { FP32_FILE, INT8_FILE, type BenchModel } from './bench-model';

export const DIMENSION = 384;
const CHUNK = 512;

export function benchCacheDir(): string {
  return process.env.BENCH_CACHE_DIR ?? join(homedir(), '.cache', 'jobmatch', 'bench');
}

export interface EmbedReport {
  file: string;
  texts: number;
  /** Texts embedded in this run (0: everything came from the cache). */
  embeddedNow: number;
  /** Rate of the texts embedded in this run, texts/s (null when none were). */
  textsPerSecond: number | null;
  quantized: boolean;
}

const fileDigests = new Map<string, string>();

/** SHA-256 of the ONNX file the vectors come from (a re-fetched identical file keeps its cache). */
export function onnxFileDigest(model: BenchModel, quantized: boolean): string {
  const file = join(model.modelPath, quantized ? INT8_FILE : FP32_FILE);
  let digest = fileDigests.get(file);
  if (!digest) {
    digest = createHash('sha256').update(readFileSync(file)).digest('hex');
    fileDigests.set(file, digest);
  }
  return digest;
}

function cacheKey(model: BenchModel, quantized: boolean, texts: string[]): string {
  const digest = createHash('sha256');
  digest.update(JSON.stringify({ model: model.modelId, onnxSha256: onnxFileDigest(model, quantized), quantized, n: texts.length }));
  for (const text of texts) digest.update(text).update('\u0000');
  return digest.digest('hex').slice(0, 24);
}

/** Where the vectors of `texts` are cached. */
export function cacheFile(model: BenchModel, texts: string[], options: { name: string; quantized: boolean }): string {
  return join(benchCacheDir(), `${options.name}-${options.quantized ? 'int8' : 'fp32'}-${cacheKey(model, options.quantized, texts)}.f32`);
}

/**
 * The vectors of `texts` (unit length, DIMENSION floats each), from the cache when complete, else
 * embedded (continuing a partial cache file) and appended to it.
 */
export async function embedWithCache(
  model: BenchModel,
  texts: string[],
  options: { name: string; quantized: boolean; log: (message: string) => void },
): Promise<{ vectors: Float32Array[]; report: EmbedReport }> {
  const file = cacheFile(model, texts, options);
  mkdirSync(benchCacheDir(), { recursive: true });
  const partial = `${file}.partial`;
  const bytesPerVector = DIMENSION * 4;
  const done = existsSync(file) ? texts.length : existsSync(partial) ? Math.floor(statSync(partial).size / bytesPerVector) : 0;
  let embeddedNow = 0;
  let seconds = 0;
  if (done < texts.length) {
    options.log(`embedding ${texts.length - done} of ${texts.length} ${options.name} texts with the real model (${options.quantized ? 'int8' : 'fp32'}; cache ${partial})…`);
    // No spinning: this bulk job shares two cores with the rest of the machine, where spinning ORT threads
    // only burn the CPU the other thread needs (see allowSpinning in onnx-worker-session.ts).
    const provider = await OnnxEmbeddingProvider.create({ modelPath: model.modelPath, modelId: model.modelId, quantized: options.quantized, allowSpinning: false });
    // A run killed mid-write leaves part of a vector: cut back to whole vectors before appending.
    if (existsSync(partial)) truncateSync(partial, done * bytesPerVector);
    const fd = openSync(partial, 'a');
    try {
      const started = performance.now();
      for (let start = done; start < texts.length; start += CHUNK) {
        const batch = texts.slice(start, start + CHUNK);
        const vectors = await provider.embed(batch);
        const buffer = Buffer.alloc(vectors.length * bytesPerVector);
        vectors.forEach((vector, row) => {
          if (vector.length !== DIMENSION) throw new Error(`expected ${DIMENSION}-d vectors, got ${vector.length}`);
          buffer.set(new Uint8Array(vector.buffer, vector.byteOffset, bytesPerVector), row * bytesPerVector);
        });
        writeSync(fd, buffer);
        embeddedNow += batch.length;
        seconds = (performance.now() - started) / 1000;
        if ((start - done) % (CHUNK * 4) === 0 || start + CHUNK >= texts.length) {
          options.log(`  ${start + batch.length}/${texts.length} (${(embeddedNow / seconds).toFixed(0)} texts/s)`);
        }
      }
    } finally {
      closeSync(fd);
      await provider.close();
    }
    renameSync(partial, file);
  }
  const bytes = readFileSync(file);
  if (bytes.length !== texts.length * bytesPerVector) throw new Error(`${file}: ${bytes.length} bytes, expected ${texts.length * bytesPerVector}`);
  const all = new Float32Array(bytes.buffer, bytes.byteOffset, texts.length * DIMENSION);
  const vectors = Array.from({ length: texts.length }, (_, i) => all.slice(i * DIMENSION, (i + 1) * DIMENSION));
  return {
    vectors,
    report: { file, texts: texts.length, embeddedNow, textsPerSecond: embeddedNow > 0 ? embeddedNow / seconds : null, quantized: options.quantized },
  };
}
