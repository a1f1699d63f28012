/**
 * What ONNX Runtime's graph optimizer does to a model file: node op types counted in the file as
 * written and in the graph ORT actually runs at each optimization level (saved with the session
 * option optimizedModelFilePath). The embedder runs at level 'all' (onnx-worker-session.ts).
 * Standalone: `tsx bench/src/lib/ort-graph-fusions.ts FILE.onnx…` prints the counts as JSON.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { onnxModelProto } from '../../../libs/onnx-testkit/src';

/** The part of onnxruntime-node used here (resolved from the embedder, which depends on it; bench does not). */
interface OrtModule {
  InferenceSession: { create(file: string, options: Record<string, unknown>): Promise<{ release(): Promise<void> }> };
}
const embedderRequire = createRequire(resolve(__dirname, '../../../apps/embedder/package.json'));
const ort = embedderRequire('onnxruntime-node') as OrtModule;

export type OptimizationLevel = 'disabled' | 'basic' | 'extended' | 'all';
const LEVELS: OptimizationLevel[] = ['basic', 'extended', 'all'];

/** Fused kernels of ORT's transformer optimizations worth naming in a report. */
export const FUSED_OPS = [
  'Attention',
  'MultiHeadAttention',
  'EmbedLayerNormalization',
  'SkipLayerNormalization',
  'LayerNormalization',
  'SimplifiedLayerNormalization',
  'FastGelu',
  'BiasGelu',
  'Gelu',
  'QAttention',
  'DynamicQuantizeMatMul',
  'MatMulIntegerToFloat',
  'QGemm',
  'FusedMatMul',
  'FusedGemm',
] as const;

export interface GraphOpCounts {
  nodes: number;
  /** op type (domain-qualified when not the default domain) → count, most frequent first. */
  ops: Record<string, number>;
}

export interface GraphFusionReport {
  file: string;
  original: GraphOpCounts;
  optimized: Record<OptimizationLevel, GraphOpCounts>;
  /** Fused op types present at level 'all' (what the embedder runs) with their counts. */
  fusedAtAll: Record<string, number>;
  /**
   * ORT's own log at level 'all' (verbose): the graph transformers that changed the graph, and the
   * fusions it tried that matched nothing (e.g. AttentionFusion, SkipLayerNormFusion).
   */
  transformers: { applied: string[]; triedWithoutMatch: string[] };
}

/**
 * Loads the file once in a child process with ORT's verbose log on and reads which graph transformers
 * modified the graph ("GraphTransformer X modified: 1"). Native logging goes to the process's stderr,
 * hence the child.
 */
export function transformerLog(file: string): { applied: string[]; triedWithoutMatch: string[] } {
  const script = `const ort = require(${JSON.stringify(embedderRequire.resolve('onnxruntime-node'))});
    ort.InferenceSession.create(${JSON.stringify(file)}, { graphOptimizationLevel: 'all', logSeverityLevel: 0, logVerbosityLevel: 0, intraOpNumThreads: 1 })
      .then((session) => session.release());`;
  const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  if (child.status !== 0) throw new Error(`ORT verbose load of ${file} failed: ${child.stderr.slice(-2000)}`);
  const modified = new Map<string, boolean>();
  for (const match of `${child.stdout}\n${child.stderr}`.matchAll(/GraphTransformer (\w+) modified: (\d)/g)) {
    modified.set(match[1]!, (modified.get(match[1]!) ?? false) || match[2] === '1');
  }
  const names = [...modified.keys()].sort();
  return {
    applied: names.filter((name) => modified.get(name)),
    triedWithoutMatch: names.filter((name) => !modified.get(name) && /Fusion/.test(name)),
  };
}

interface DecodedNode {
  op_type: string;
  domain?: string;
}

export function countOps(bytes: Uint8Array): GraphOpCounts {
  const model = onnxModelProto().decode(bytes) as unknown as { graph: { node: DecodedNode[] } };
  const counts = new Map<string, number>();
  for (const node of model.graph.node) {
    const key = node.domain && node.domain !== 'ai.onnx' ? `${node.domain}:${node.op_type}` : node.op_type;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const ops = Object.fromEntries([...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
  return { nodes: model.graph.node.length, ops };
}

/** Loads the file once per level with optimizedModelFilePath and counts the saved graph's ops. */
export async function graphFusionReport(file: string): Promise<GraphFusionReport> {
  const workDir = mkdtempSync(join(tmpdir(), 'ort-fusions-'));
  try {
    const optimized = {} as Record<OptimizationLevel, GraphOpCounts>;
    for (const level of LEVELS) {
      const out = join(workDir, `${level}.onnx`);
      const session = await ort.InferenceSession.create(file, {
        graphOptimizationLevel: level,
        optimizedModelFilePath: out,
        intraOpNumThreads: 1,
        logSeverityLevel: 3,
      });
      await session.release();
      optimized[level] = countOps(readFileSync(out));
    }
    const fusedAtAll = Object.fromEntries(
      Object.entries(optimized.all.ops).filter(([op]) =>
        (FUSED_OPS as readonly string[]).includes(op.replace(/^.*:/, '')),
      ),
    );
    return { file, original: countOps(readFileSync(file)), optimized, fusedAtAll, transformers: transformerLog(file) };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  (async () => {
    for (const file of process.argv.slice(2)) console.log(JSON.stringify(await graphFusionReport(file), null, 2));
  })().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
