import { DEFAULT_MODEL_ID, MODEL_REGISTRY } from '@jobmatch/contracts';
import { fetchModel } from './fetch-model';

const USAGE = `usage: pnpm model:fetch [model-id] [--quantized] [--dir <MODEL_DIR>] [--revision <rev>]
  model-id   one of: ${Object.keys(MODEL_REGISTRY).join(', ')} (default ${DEFAULT_MODEL_ID})
  --quantized  also fetch onnx/model_quantized.onnx (for MODEL_QUANTIZED=true)
  --dir        target MODEL_DIR (default: $MODEL_DIR or ./models, as the service resolves it)
  Environment: HF_ENDPOINT (hub mirror), HF_TOKEN.`;

function parseArgs(argv: string[]): { modelId: string; quantized: boolean; dir: string; revision?: string } {
  let modelId = process.env.MODEL_ID ?? DEFAULT_MODEL_ID;
  let quantized = process.env.MODEL_QUANTIZED === 'true';
  let dir = process.env.MODEL_DIR ?? './models';
  let revision: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg === '--quantized') quantized = true;
    else if (arg === '--dir') dir = argv[++index];
    else if (arg === '--revision') revision = argv[++index];
    else if (arg === '--') continue;
    else if (!arg.startsWith('-')) modelId = arg;
    else throw new Error(`Unknown option ${arg}\n${USAGE}`);
  }
  if (!dir) throw new Error(`--dir needs a value\n${USAGE}`);
  return { modelId, quantized, dir, revision };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const result = await fetchModel({
    modelId: args.modelId,
    modelDir: args.dir,
    quantized: args.quantized,
    revision: args.revision,
    log: (line) => console.log(line),
  });
  console.log(
    `${args.modelId} ready in ${result.modelPath} (${result.downloaded.length} downloaded, ${result.alreadyPresent.length} already present)`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
