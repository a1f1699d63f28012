import { createHash } from 'node:crypto';
import type { EmbedInputKind } from '@jobmatch/contracts';
import type { EmbeddingProvider } from '../../src/inference/embedding-provider';

/**
 * A small stand-in model for UNIT tests of the serving layer: each text maps to a fixed unit
 * vector derived from its SHA-256 (same text → same vector), and every call is recorded.
 * End-to-end tests use the real ONNX pipeline instead.
 */
export class DeterministicProvider implements EmbeddingProvider {
  readonly kind = 'deterministic';
  readonly maxSeqLength = 128;
  readonly quantized = false;
  readonly calls: { texts: string[]; kind?: EmbedInputKind }[] = [];
  failWith?: Error;
  closed = false;

  constructor(
    readonly modelId = 'test/deterministic',
    readonly dimension = 384,
  ) {}

  static vectorFor(text: string, dimension = 384): Float32Array {
    const vector = new Float32Array(dimension);
    let seed = createHash('sha256').update(text).digest();
    for (let i = 0; i < dimension; i++) {
      if (i % 32 === 0 && i > 0) seed = createHash('sha256').update(seed).digest();
      vector[i] = (seed[i % 32]! - 127.5) / 127.5;
    }
    let norm = 0;
    for (const value of vector) norm += value * value;
    norm = Math.sqrt(norm);
    for (let i = 0; i < dimension; i++) vector[i] = vector[i]! / norm;
    return vector;
  }

  async embed(texts: string[], kind?: EmbedInputKind): Promise<Float32Array[]> {
    this.calls.push({ texts: [...texts], kind });
    if (this.failWith) throw this.failWith;
    return texts.map((text) => DeterministicProvider.vectorFor(text, this.dimension));
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
