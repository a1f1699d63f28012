/**
 * pnpm bench:parity — the real all-MiniLM-L6-v2 files (as `pnpm model:fetch` installed them) against
 * the sentence-transformers reference vector, and the int8 export against fp32 on 240 varied texts.
 * Writes bench/results/model-parity.json. Model folder: JOBMATCH_REAL_MODEL_DIR or the CI cache
 * ($HOME/.cache/jobmatch/models). The same figures are asserted, through the RPC, by
 * apps/embedder/test/real-model/parity.e2e.spec.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { OnnxEmbeddingProvider } from '../../apps/embedder/src/inference/onnx-embedding-provider';
import { FETCH_MANIFEST_FILE, type FetchManifest } from '../../apps/embedder/src/inference/model-files';
import {
  compareExports,
  findRealModel,
  parityTexts,
  referenceMaxRelError,
  SENTENCE_TRANSFORMERS_REFERENCE,
} from '../../libs/testing/src/real-model';

const RESULTS_FILE = resolve(__dirname, '../results/model-parity.json');
const round = (value: number, digits = 6) => Number(value.toFixed(digits));

async function main(): Promise<void> {
  const { model, howToGetIt } = findRealModel();
  if (!model?.hasInt8) throw new Error(`The real model (fp32 and int8) is not installed: run ${howToGetIt}`);
  const manifest = JSON.parse(readFileSync(join(model.modelPath, FETCH_MANIFEST_FILE), 'utf8')) as FetchManifest;
  const texts = parityTexts();
  const fp32 = await OnnxEmbeddingProvider.create({ modelPath: model.modelPath });
  const int8 = await OnnxEmbeddingProvider.create({ modelPath: model.modelPath, quantized: true });
  try {
    const [reference] = await fp32.embed([SENTENCE_TRANSFORMERS_REFERENCE.text]);
    const [referenceInt8] = await int8.embed([SENTENCE_TRANSFORMERS_REFERENCE.text]);
    const comparison = compareExports(await fp32.embed(texts), await int8.embed(texts));
    const sources = [...new Set(Object.values(manifest.provenance ?? {}).map((entry) => entry.source))];
    const result = {
      source: sources.includes('maven') ? 'maven' : sources.includes('hub') ? 'hub' : sources.join('+') || 'unknown',
      referenceMaxRelError: round(referenceMaxRelError(reference), 9),
      int8MeanCosine: round(comparison.meanCosine),
      int8MinCosine: round(comparison.minCosine),
      int8Top10Overlap: round(comparison.top10Overlap, 4),
      int8ReferenceMaxRelError: round(referenceMaxRelError(referenceInt8), 6),
      texts: comparison.texts,
      targets: { referenceMaxRelError: 0.01, int8MeanCosine: 0.99, int8Top10Overlap: 0.9 },
      reference: {
        text: SENTENCE_TRANSFORMERS_REFERENCE.text,
        expected: SENTENCE_TRANSFORMERS_REFERENCE.components,
        fp32: Object.fromEntries(
          Object.keys(SENTENCE_TRANSFORMERS_REFERENCE.components).map((i) => [i, reference[Number(i)]]),
        ),
        int8: Object.fromEntries(
          Object.keys(SENTENCE_TRANSFORMERS_REFERENCE.components).map((i) => [i, referenceInt8[Number(i)]]),
        ),
      },
      files: manifest.files,
      provenance: manifest.provenance,
      conditions: {
        date: new Date().toISOString(),
        cpu: cpus()[0]?.model,
        loadavg: loadavg().map((v) => round(v, 2)),
        node: process.version,
      },
    };
    writeFileSync(RESULTS_FILE, `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify({ ...result, reference: undefined, files: undefined, provenance: undefined }, null, 2));
    console.log(`written to ${RESULTS_FILE}`);
  } finally {
    await fp32.close();
    await int8.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
