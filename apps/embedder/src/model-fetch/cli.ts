import { parseArgs, USAGE } from './cli-args';
import { fetchModel } from './fetch-model';
import { MavenArtifactResolver } from './maven-source';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const result = await fetchModel({
    modelId: args.modelId,
    modelDir: args.dir,
    quantized: args.quantized,
    source: args.source,
    revision: args.revision,
    maven: new MavenArtifactResolver({ command: args.mvnCommand }),
    log: (line) => console.log(line),
  });
  const sources = [...new Set(Object.values(result.provenance).map((entry) => entry.source))].join(', ');
  console.log(
    `${args.modelId} ready in ${result.modelPath} (${result.downloaded.length} fetched, ${result.alreadyPresent.length} already present; sources: ${sources})`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
