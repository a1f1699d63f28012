import { Worker } from 'node:worker_threads';
import type { Pooling } from '@jobmatch/contracts';
// Not from @jobmatch/nest-common: the inference layer stays free of Nest (benchmarks load it under tsx).
import { workerScriptPath } from './worker-script';

export interface OnnxSessionOptions {
  modelFile: string;
  /** ONNX Runtime intra-op threads; 0 lets ORT pick (one per physical core). */
  intraOpThreads: number;
  pooling: Pooling;
  normalize: boolean;
  /** ORT's CPU memory arena: faster allocation, but it keeps the peak batch's memory. */
  enableCpuMemArena?: boolean;
  /**
   * Pre-pack MatMul weights at load (ORT's default; default true). Packed weights replace the
   * originals, so peak RSS did not change (fp32 274-275 MB either way, int8 244 MB, plain ORT), while
   * a single 12-token fp32 query runs in 2.9-3.3 ms instead of 5.0 ms (MLAS otherwise packs every
   * weight matrix again on every call, which dominates for a few rows). An earlier measurement
   * (-30 MB without packing) did not reproduce with the memory settings now in use.
   */
  prepackWeights?: boolean;
  /**
   * Let ORT's intra-op threads spin while waiting for work (ORT's default, kept: default true).
   * Measured on 2 vCPUs, fp32: at load average ~2.5 spinning is faster (single 12-token query p50
   * 4.7-5.5 vs 6.1-6.5 ms, 32 closed-loop callers p99 75-79 vs 92-111 ms); at load ~4.5, when other
   * processes want the cores, it is 2x slower (plain ORT: 1×12 tokens 21-26 vs 12 ms). Turn it off
   * on hosts where the embedder shares its cores with busy neighbours.
   */
  allowSpinning?: boolean;
}

export interface SessionInfo {
  inputNames: string[];
  outputNames: string[];
  /** Size of the last output dimension (hidden size), when the model declares it. */
  hiddenSize: number | null;
}

interface PendingRun {
  resolve: (vectors: Float32Array) => void;
  reject: (error: Error) => void;
}

/** What the session worker (onnx-session.worker.ts) answers. */
export type WorkerReply =
  | { type: 'ready'; info: SessionInfo }
  | { type: 'init-error'; message: string }
  | { type: 'result'; id: number; vectors: Float32Array }
  | { type: 'run-error'; id: number; message: string };

/** One ONNX Runtime session in a dedicated worker thread; runs are queued by the caller (one at a time). */
export class OnnxWorkerSession {
  private readonly pending = new Map<number, PendingRun>();
  private nextId = 1;
  private exited: Error | null = null;

  private constructor(
    private readonly worker: Worker,
    readonly info: SessionInfo,
  ) {
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type !== 'result' && reply.type !== 'run-error') return;
      const run = this.pending.get(reply.id);
      if (!run) return;
      this.pending.delete(reply.id);
      if (reply.type === 'result') run.resolve(reply.vectors);
      else run.reject(new Error(`ONNX inference failed: ${reply.message}`));
    });
    const fail = (error: Error) => {
      this.exited = error;
      for (const run of this.pending.values()) run.reject(error);
      this.pending.clear();
    };
    worker.on('error', (error) => fail(new Error(`ONNX inference worker crashed: ${error.message}`)));
    worker.on('exit', (code) => fail(new Error(`ONNX inference worker exited (code ${code})`)));
  }

  static async start(options: OnnxSessionOptions): Promise<OnnxWorkerSession> {
    // The session and pooling run in onnx-session.worker.ts (InferenceSession.run blocks its thread).
    const worker = new Worker(workerScriptPath(__dirname, 'onnx-session.worker'), {
      workerData: {
        ortPath: require.resolve('onnxruntime-node'),
        modelFile: options.modelFile,
        pooling: options.pooling,
        normalize: options.normalize,
        sessionOptions: {
          intraOpNumThreads: options.intraOpThreads,
          interOpNumThreads: 1,
          executionMode: 'sequential',
          graphOptimizationLevel: 'all',
          enableCpuMemArena: options.enableCpuMemArena ?? true,
          // Memory patterns are cached per input shape, and every batch has a new shape: with them on,
          // MiniLM's RSS grows by ~30-70 MB more for no measurable speed gain.
          enableMemPattern: false,
          extra: {
            session: {
              disable_prepacking: options.prepackWeights === false ? '1' : '0',
              intra_op: { allow_spinning: options.allowSpinning === false ? '0' : '1' },
            },
          },
        },
      },
      // The worker only shuttles typed arrays: a small young generation keeps its heap (and RSS) small.
      resourceLimits: { maxYoungGenerationSizeMb: 4 },
    });
    const info = await new Promise<SessionInfo>((resolve, reject) => {
      const onMessage = (reply: WorkerReply) => {
        if (reply.type === 'ready') resolve(reply.info);
        else if (reply.type === 'init-error') reject(new Error(reply.message));
        else return;
        cleanup();
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const onExit = (code: number) => {
        cleanup();
        reject(new Error(`ONNX inference worker exited during start-up (code ${code})`));
      };
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    }).catch(async (error: unknown) => {
      await worker.terminate();
      throw error;
    });
    return new OnnxWorkerSession(worker, info);
  }

  /** Runs one padded batch; resolves to batch × dim pooled (and normalized) floats. The buffers are transferred. */
  run(inputIds: BigInt64Array, attentionMask: BigInt64Array, batch: number, seq: number): Promise<Float32Array> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    return new Promise<Float32Array>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // Transferred, not copied: the caller builds fresh arrays per batch.
      this.worker.postMessage({ type: 'run', id, inputIds, attentionMask, batch, seq }, [
        inputIds.buffer as ArrayBuffer,
        attentionMask.buffer as ArrayBuffer,
      ]);
    });
  }

  async close(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage({ type: 'close' });
    const timeout = setTimeout(() => void this.worker.terminate(), 5_000);
    await exited;
    clearTimeout(timeout);
  }
}
