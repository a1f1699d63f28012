import { join } from 'node:path';
import { DEFAULT_MODEL_ID, getModelSpec, type EmbedInputKind, type ModelSpec } from '@jobmatch/contracts';
import type { EmbeddingProvider } from './embedding-provider';
import { MicroBatcher, type BatchItem, type BatchStats, type MicroBatcherOptions } from './micro-batcher';
import { fetchCommandFor, ONNX_MODEL_FILE, ONNX_QUANTIZED_MODEL_FILE, verifyModelFiles } from './model-files';
import { OnnxWorkerSession } from './onnx-worker-session';
import { preprocessText } from './text-preprocessing';
import { TextTokenizer } from './text-tokenizer';
import { MAX_WINDOWS_PER_TEXT, sectionAwareText, weightedMeanVector, type LongTextStrategy } from './long-text';

export interface OnnxEmbeddingProviderOptions {
  /** The model's Hugging Face–layout folder (see modelPathFor(MODEL_DIR, modelId)). */
  modelPath: string;
  /** Registry model id; default all-MiniLM-L6-v2. Ignored when `spec` is given. */
  modelId?: string;
  /** Overrides the registry entry (tests: the spec returned by @jobmatch/onnx-testkit). */
  spec?: ModelSpec;
  /** Load onnx/model_quantized.onnx (int8) instead of onnx/model.onnx. */
  quantized?: boolean;
  /** Truncation length in tokens (special tokens included); default: the registry's maxSeqLength. */
  maxSeqLength?: number;
  /** Texts longer than maxSeqLength: see long-text.ts (EMBED_LONG_TEXT); default truncate. */
  longText?: LongTextStrategy;
  /** ONNX Runtime intra-op threads; 0 = ORT's default (one per core). */
  intraOpThreads?: number;
  enableCpuMemArena?: boolean;
  prepackWeights?: boolean;
  /** ORT intra-op threads spin while idle (default true, see OnnxSessionOptions). */
  allowSpinning?: boolean;
  batching?: Partial<MicroBatcherOptions>;
  /** Called after every model call (metrics: batch size, queue wait, inference time). */
  onBatch?: (stats: BatchStats) => void;
}

/** Longest stretch of tokenization before yielding to the event loop (ms). */
const TOKENIZE_SLICE_MS = 4;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The local pipeline: preprocessing → WordPiece tokenizer → ONNX Runtime (worker thread) → pooling →
 * L2 normalization, behind dynamic micro-batching. Create with `OnnxEmbeddingProvider.create()`, which
 * refuses to start (ModelFilesError naming `pnpm model:fetch`) when files are missing or corrupt.
 */
export class OnnxEmbeddingProvider implements EmbeddingProvider {
  readonly kind = 'onnx';
  readonly modelId: string;
  readonly dimension: number;
  readonly maxSeqLength: number;
  readonly longText: LongTextStrategy;
  private readonly batcher: MicroBatcher;
  private closed = false;

  private constructor(
    private readonly spec: ModelSpec,
    private readonly tokenizer: TextTokenizer,
    private readonly session: OnnxWorkerSession,
    readonly quantized: boolean,
    options: OnnxEmbeddingProviderOptions,
  ) {
    this.modelId = spec.id;
    this.dimension = spec.dimension;
    this.maxSeqLength = tokenizer.maxSeqLength;
    this.longText = options.longText ?? 'truncate';
    this.batcher = new MicroBatcher((items) => this.runBatch(items), { ...options.batching, onBatch: options.onBatch });
  }

  static async create(options: OnnxEmbeddingProviderOptions): Promise<OnnxEmbeddingProvider> {
    const spec = options.spec ?? getModelSpec(options.modelId ?? DEFAULT_MODEL_ID);
    const quantized = options.quantized ?? false;
    await verifyModelFiles(options.modelPath, spec, quantized);
    const modelFile = join(options.modelPath, quantized ? ONNX_QUANTIZED_MODEL_FILE : ONNX_MODEL_FILE);
    // The session loads before the tokenizer: ORT's load briefly needs ~40 MB more than it keeps, and
    // that transient peak should not stack on the tokenizer's heap (peak RSS, see BENCHMARKS.md).
    const session = await OnnxWorkerSession.start({
      modelFile,
      intraOpThreads: options.intraOpThreads ?? 0,
      pooling: spec.pooling,
      normalize: spec.normalize,
      enableCpuMemArena: options.enableCpuMemArena,
      prepackWeights: options.prepackWeights,
      allowSpinning: options.allowSpinning,
    }).catch((error: unknown) => {
      throw new Error(
        `ONNX Runtime could not load ${modelFile}: ${error instanceof Error ? error.message : String(error)}\n` +
          `Run \`${fetchCommandFor(spec.id, quantized)}\` to download and verify the model files.`,
      );
    });
    let tokenizer: TextTokenizer;
    try {
      tokenizer = await TextTokenizer.load(options.modelPath, options.maxSeqLength ?? spec.maxSeqLength);
    } catch (error) {
      await session.close();
      throw error;
    }
    const provider = new OnnxEmbeddingProvider(spec, tokenizer, session, quantized, options);
    try {
      // A real run at start-up: proves the graph works and warms ORT's allocations.
      const [probe] = await provider.embed(['start-up probe']);
      if (probe.length !== spec.dimension) {
        throw new Error(
          `Model ${modelFile} produces ${probe.length}-d vectors but ${spec.id} is registered with ${spec.dimension}`,
        );
      }
    } catch (error) {
      await provider.close();
      throw error;
    }
    return provider;
  }

  /** Texts waiting for a batch (for metrics / load shedding). */
  get queuedTexts(): number {
    return this.batcher.queuedTexts;
  }

  /**
   * The model inputs for a text (prefix, preprocessing, the long-text strategy, truncation and special
   * tokens applied): one row of token ids, or one per window with the windows strategy.
   */
  modelInputs(text: string, inputKind: EmbedInputKind = 'passage'): number[][] {
    const prefix = inputKind === 'query' ? this.spec.queryPrefix : this.spec.passagePrefix;
    // Sections are found by their heading lines, so before preprocessing collapses the line breaks.
    const arranged = this.longText === 'sections' ? sectionAwareText(text) : text;
    const prepared = prefix + preprocessText(arranged);
    return this.longText === 'windows' ? this.tokenizer.encodeWindows(prepared, MAX_WINDOWS_PER_TEXT) : [this.tokenizer.encode(prepared)];
  }

  /** Token ids of the text's first model input (its only one unless the strategy is windows). */
  tokenize(text: string, inputKind: EmbedInputKind = 'passage'): number[] {
    return this.modelInputs(text, inputKind)[0]!;
  }

  async embed(texts: string[], inputKind: EmbedInputKind = 'passage'): Promise<Float32Array[]> {
    if (this.closed) throw new Error('Embedding provider is closed');
    const items: BatchItem[] = [];
    const rowsPerText: number[] = [];
    let sliceStart = performance.now();
    for (const text of texts) {
      const rows = this.modelInputs(text, inputKind);
      for (const ids of rows) items.push({ ids });
      rowsPerText.push(rows.length);
      if (performance.now() - sliceStart > TOKENIZE_SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
    }
    const vectors = await this.batcher.submit(items);
    if (vectors.length === texts.length) return vectors;
    // Windows of one text: their mean, weighted by each window's content tokens.
    const specialTokens = this.tokenizer.maxSeqLength - this.tokenizer.contentBudget;
    let offset = 0;
    return rowsPerText.map((rows) => {
      const weights = items.slice(offset, offset + rows).map((item) => item.ids.length - specialTokens);
      const combined = weightedMeanVector(vectors.slice(offset, offset + rows), weights);
      offset += rows;
      return combined;
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.batcher.close();
    await this.session.close();
  }

  /** Pads the batch to its longest row (mask 0 on padding) and runs it as one ORT call. */
  private async runBatch(items: BatchItem[]): Promise<Float32Array[]> {
    const rows = items.length;
    const seq = Math.max(...items.map((item) => item.ids.length));
    const inputIds = new BigInt64Array(rows * seq);
    const attentionMask = new BigInt64Array(rows * seq);
    items.forEach((item, row) => {
      const base = row * seq;
      for (let t = 0; t < item.ids.length; t++) {
        inputIds[base + t] = BigInt(item.ids[t]);
        attentionMask[base + t] = 1n;
      }
    });
    const pooled = await this.session.run(inputIds, attentionMask, rows, seq);
    const dim = pooled.length / rows;
    // Copied into arrays of this module's realm (the worker's arrays belong to another one, which
    // breaks `instanceof Float32Array` in vm sandboxes such as jest's).
    return items.map((_, row) => {
      const vector = new Float32Array(dim);
      vector.set(pooled.subarray(row * dim, (row + 1) * dim));
      return vector;
    });
  }
}
