/**
 * The search benchmark's two datasets, each in a database of its own:
 * - real: generated postings and resumes (search-content.ts) embedded by the real all-MiniLM-L6-v2
 *   through the embedder's pipeline (vectors cached outside git, real-model-vectors.ts). Queries are 200
 *   more generated resumes, embedded the same way and not stored: a recommendation searches jobs with a
 *   resume's vector.
 * - synthetic: the seeded embedding-like vectors of search-vectors.ts, as before.
 */
import { jobEmbeddingText } from '@jobmatch/contracts';
import { FP32_FILE, INT8_FILE, resolveBenchModel, type BenchModel } from './bench-model';
import { embedWithCache, onnxFileDigest, type EmbedReport } from './real-model-vectors';
import { contentTopics, generateContent, syntheticFingerprint, syntheticRows, GENERATOR_VERSION, type DatasetSpec, type SeedRows } from './search-database';
import { resumeRow } from './search-content';
import { EmbeddingLikeGenerator, Rng } from './search-vectors';

export type DatasetName = 'real' | 'synthetic';

export interface BenchDataset {
  name: DatasetName;
  database: string;
  description: string;
  fingerprint: string;
  rows(): Promise<SeedRows>;
  queries(): Promise<Float32Array[]>;
  /** Vectors drawn like the stored jobs, for the dataset's measured properties (PCA, random pairs). */
  propertySample(): Promise<Float32Array[]>;
  /** Embedding runs of this bench (the real dataset; empty when every vector came from the cache). */
  embedding: EmbedReport[];
}

const PROPERTY_SAMPLE = 4000;

export function syntheticDataset(spec: DatasetSpec, database: string, queryCount: number): BenchDataset {
  const generator = new EmbeddingLikeGenerator(spec.model);
  return {
    name: 'synthetic',
    database,
    description: 'synthetic embedding-like vectors (bench/src/lib/search-vectors.ts), content following each vector\'s topic',
    fingerprint: syntheticFingerprint(spec),
    rows: async () => syntheticRows(generator, spec),
    queries: async () => {
      const rng = new Rng(spec.model.seed + 3);
      return Array.from({ length: queryCount }, () => generator.sample(rng).vector);
    },
    propertySample: async () => {
      const rng = new Rng(spec.model.seed + 5);
      return Array.from({ length: PROPERTY_SAMPLE }, () => generator.sample(rng).vector);
    },
    embedding: [],
  };
}

/**
 * The real-model dataset, or null when the real model's files are not there (a generated model's
 * vectors would say nothing about how real embeddings cluster).
 */
export async function realModelDataset(
  spec: DatasetSpec,
  database: string,
  queryCount: number,
  options: { quantized: boolean; log: (message: string) => void },
): Promise<{ dataset: BenchDataset; model: BenchModel } | null> {
  let model: BenchModel;
  try {
    model = await resolveBenchModel({ files: [options.quantized ? INT8_FILE : FP32_FILE], allowGenerated: false });
  } catch (error) {
    options.log(`real-model dataset skipped: ${(error as Error).message}`);
    return null;
  }
  const generator = new EmbeddingLikeGenerator(spec.model);
  // Topics drawn with the synthetic generator's popularity (Zipf over 12 domains × 24 topics).
  const jobTopics = new Rng(spec.model.seed + 21);
  const resumeTopics = new Rng(spec.model.seed + 22);
  const content = generateContent(generator, spec, () => generator.sampleTopic(jobTopics), () => generator.sampleTopic(resumeTopics));
  const topics = contentTopics(generator, spec);
  const queryTopics = new Rng(spec.model.seed + 23);
  const queryContent = new Rng(spec.model.seed + 13);
  const queryTexts = Array.from({ length: queryCount }, () => resumeRow(queryContent, topics[generator.sampleTopic(queryTopics)]!).text);
  const jobTexts = content.jobs.map(({ row }) => jobEmbeddingText(row));
  const resumeTexts = content.resumes.map(({ row }) => row.text);

  const embedding: EmbedReport[] = [];
  const cache = new Map<string, Float32Array[]>();
  const embed = async (name: string, texts: string[]) => {
    let vectors = cache.get(name);
    if (!vectors) {
      const result = await embedWithCache(model, texts, { name, quantized: options.quantized, log: options.log });
      embedding.push(result.report);
      vectors = result.vectors;
      cache.set(name, vectors);
    }
    return vectors;
  };
  const precision = options.quantized ? 'int8' : 'fp32';
  // Another model file (a new export, the other source) must reseed the database, not reuse its vectors.
  const onnxSha256 = onnxFileDigest(model, options.quantized);
  return {
    model,
    dataset: {
      name: 'real',
      database,
      description: `generated postings and resumes embedded by the real ${model.modelId} (${precision}, ${options.quantized ? INT8_FILE : FP32_FILE}) through the embedder's pipeline`,
      fingerprint: JSON.stringify({ version: GENERATOR_VERSION, kind: 'real-model', jobs: spec.jobs, resumes: spec.resumes, seed: spec.model.seed, model: model.modelId, precision, texts: jobTexts.length, onnxSha256 }),
      rows: async () => {
        const jobs = await embed('jobs', jobTexts);
        const resumes = await embed('resumes', resumeTexts);
        return {
          jobs: content.jobs.map(({ row }, i) => ({ row, vector: jobs[i]! })),
          jobCount: content.jobs.length,
          resumes: content.resumes.map(({ row }, i) => ({ row, vector: resumes[i]! })),
          resumeCount: content.resumes.length,
        };
      },
      queries: () => embed('queries', queryTexts),
      propertySample: async () => (await embed('jobs', jobTexts)).slice(0, PROPERTY_SAMPLE),
      embedding,
    },
  };
}
