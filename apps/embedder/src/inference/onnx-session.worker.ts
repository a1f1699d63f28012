/**
 * The ONNX session worker thread (started by OnnxWorkerSession). onnxruntime-node's
 * InferenceSession.run() executes synchronously on the calling thread (its Promise only defers the
 * start), so the session lives here and the main event loop stays free for RPC, health checks and
 * the queue while a batch runs. Pooling runs here too (only batch × dim floats travel back).
 * Runs as a built .js, or as this .ts in tests (workerScriptPath): erasable TypeScript only.
 */
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type { InferenceSession as Session, Tensor as OrtTensor } from 'onnxruntime-node';
import type { Pooling } from '@jobmatch/contracts';
import { poolHiddenStates } from './pooling.ts';
import type { SessionInfo, WorkerReply } from './onnx-worker-session';

interface SessionWorkerData {
  ortPath: string;
  modelFile: string;
  pooling: Pooling;
  normalize: boolean;
  sessionOptions: Session.SessionOptions;
}

type WorkerMessage = { type: 'close' } | { type: 'run'; id: number; inputIds: BigInt64Array; attentionMask: BigInt64Array; batch: number; seq: number };

const data = workerData as SessionWorkerData;
const port = parentPort!;
const ort = createRequire(data.ortPath)(data.ortPath) as typeof import('onnxruntime-node');
const reply = (message: WorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
const messageOf = (error: unknown) => String((error as Error | null)?.message ?? error);

async function serve(): Promise<void> {
  let session: Session;
  try {
    session = await ort.InferenceSession.create(data.modelFile, data.sessionOptions);
  } catch (error) {
    reply({ type: 'init-error', message: messageOf(error) });
    return;
  }
  const outputName = session.outputNames.includes('last_hidden_state') ? 'last_hidden_state' : session.outputNames[0]!;
  const meta = (session.outputMetadata ?? []).find((entry) => entry.name === outputName);
  const shape = meta && 'shape' in meta ? meta.shape : undefined;
  const lastDim = shape ? shape[shape.length - 1] : undefined;
  const wantsTokenTypes = session.inputNames.includes('token_type_ids');
  const info: SessionInfo = { inputNames: [...session.inputNames], outputNames: [...session.outputNames], hiddenSize: typeof lastDim === 'number' ? lastDim : null };
  reply({ type: 'ready', info });
  port.on('message', async (message: WorkerMessage) => {
    if (message.type === 'close') {
      await session.release();
      port.close();
      return;
    }
    const { id, inputIds, attentionMask, batch, seq } = message;
    try {
      const dims = [batch, seq];
      const feeds: Record<string, OrtTensor> = {
        input_ids: new ort.Tensor('int64', inputIds, dims),
        attention_mask: new ort.Tensor('int64', attentionMask, dims),
      };
      if (wantsTokenTypes) feeds.token_type_ids = new ort.Tensor('int64', new BigInt64Array(batch * seq), dims);
      const outputs = await session.run(feeds, [outputName]);
      const hidden = outputs[outputName]!;
      const dim = hidden.dims[hidden.dims.length - 1]!;
      const vectors = poolHiddenStates(hidden.data as Float32Array, attentionMask, batch, seq, dim, data.pooling, data.normalize);
      hidden.dispose();
      reply({ type: 'result', id, vectors }, [vectors.buffer as ArrayBuffer]);
    } catch (error) {
      reply({ type: 'run-error', id, message: messageOf(error) });
    }
  });
}

void serve();
