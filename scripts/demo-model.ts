// Offline stand-in for `pnpm model:fetch`: writes a MiniLM-shaped ONNX model with random weights
// (same graph, size and speed as the real one; its vectors carry NO meaning) and prints the
// environment the embedder needs to load it. Used by `JOBMATCH_DEMO_MODEL=1 bash scripts/up.sh`.
import { prepareTestModelDir } from '../libs/onnx-testkit/src';

prepareTestModelDir({ preset: 'minilm', quantized: true })
  .then((model) => {
    console.log(`export MODEL_DIR='${model.modelRoot}'`);
    console.log(`export MODEL_SPEC_FILE='${model.specFile}'`);
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
