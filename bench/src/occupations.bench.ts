/**
 * Occupation normalisation where titles alone don't decide: the O*NET alternate-title lookup
 * (OccupationIndex.normalize), then, for a title it does not decide (no match, a one-word match or
 * several occupations listing it), the nearest occupation by the real embedding model
 * (chooseOccupation: title vector against each occupation's vector). Measured on a hand-labelled
 * list of titles (bench/data/occupation-titles/titles.json, written before the first run):
 * accuracy of the lookup alone, of lookup + embedding, how often the embedding decides and how
 * often it is right. Two kinds of occupation vectors: the O*NET title alone, and title + description.
 *
 *   pnpm bench:occupations     → bench/results/occupations.json and the "Occupations" section of BENCHMARKS.md
 *
 * The O*NET release comes from ONET_DATA_FILE (and ../shared/data/onet-29.2 for the descriptions);
 * vectors of the real model (MODEL_DIR or $HOME/.cache/jobmatch/models) are cached by
 * embedWithCache, so a rerun costs seconds.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// Sources, not dist/: the benchmark measures the current code.
import { chooseOccupation, getOccupationIndex, titleDecides, useOnetDataFile } from '../../libs/skills/src';
import { readOnetTable } from '../../libs/skills/src/onet/onet-files';
import { writeMarkedSection } from './lib/benchmarks-md';
import { FP32_FILE, resolveBenchModel } from './lib/bench-model';
import { benchOnetDataFile } from './lib/onet-data';
import { embedWithCache } from './lib/real-model-vectors';

const ROOT = path.resolve(__dirname, '../..');
const ONET_FOLDER = path.resolve(ROOT, '..', 'shared', 'data', 'onet-29.2');
const log = (message: string) => console.error(`[occupations-bench] ${message}`);

interface Labelled {
  title: string;
  code: string;
}

async function main(): Promise<void> {
  const dataFile = benchOnetDataFile(ROOT, 'bench-onet-data.json');
  if (!dataFile) throw new Error('no O*NET release: set ONET_DATA_FILE or provide ../shared/data/onet-29.2');
  useOnetDataFile(dataFile);
  const index = getOccupationIndex()!;
  // O*NET-SOC labels are O*NET-derived data: the list is supplied locally, never committed (BENCH_OCCUPATION_TITLES).
  const titlesFile = process.env.BENCH_OCCUPATION_TITLES ?? path.join(ROOT, 'bench/data/occupation-titles/titles.json');
  if (!existsSync(titlesFile)) throw new Error(`No labelled titles at ${titlesFile}: set BENCH_OCCUPATION_TITLES to a JSON {titles:[{title, code}]} file (not in git: O*NET-derived)`);
  const labelled = (JSON.parse(readFileSync(titlesFile, 'utf8')) as { titles: Labelled[] }).titles;
  for (const { code } of labelled) if (!index.title(code)) throw new Error(`label ${code} is not an O*NET ${index.size}-occupation code`);

  const occupations = readOnetTable(ONET_FOLDER, 'occupations').map((row) => ({ code: row['O*NET-SOC Code']!, title: row.Title!, description: row.Description! }));
  const model = await resolveBenchModel({ files: [FP32_FILE], allowGenerated: false });
  const embed = async (name: string, texts: string[]) => (await embedWithCache(model, texts, { name, quantized: false, log })).vectors;
  const titleVectors = await embed('occupation-bench-titles', labelled.map((item) => item.title));
  const kinds = {
    title: await embed('onet-occupation-titles', occupations.map((o) => o.title)),
    titleAndDescription: await embed('onet-occupation-descriptions', occupations.map((o) => `${o.title}. ${o.description}`)),
  };

  const lookups = labelled.map((item) => index.normalize(item.title));
  const lookupRight = lookups.filter((match, i) => match?.code === labelled[i]!.code).length;
  const undecided = lookups.map((match) => !titleDecides(match));
  const variants = Object.fromEntries(
    Object.entries(kinds).map(([kind, vectors]) => {
      const byCode = new Map(occupations.map((o, i) => [o.code, vectors[i]!]));
      const rows = labelled.map((item, i) => {
        const match = lookups[i]!;
        const choice = chooseOccupation(match, titleVectors[i]!, byCode);
        const embeddingOnly = chooseOccupation(null, titleVectors[i]!, byCode);
        return {
          title: item.title,
          label: item.code,
          lookup: match ? { code: match.code, match: match.match, candidates: match.candidates?.length ?? 1 } : null,
          chosen: choice?.code ?? null,
          decidedBy: choice?.decidedBy ?? null,
          right: choice?.code === item.code,
          lookupRight: match?.code === item.code,
          embeddingOnly: embeddingOnly?.code ?? null,
        };
      });
      const decided = rows.filter((row) => row.decidedBy === 'embedding');
      return [
        kind,
        {
          accuracy: round(rows.filter((row) => row.right).length / rows.length),
          embeddingDecided: decided.length,
          embeddingRight: decided.filter((row) => row.right).length,
          embeddingFixed: decided.filter((row) => row.right && !row.lookupRight).length,
          embeddingBroke: decided.filter((row) => !row.right && row.lookupRight).length,
          embeddingOnlyAccuracy: round(rows.filter((row) => row.embeddingOnly === row.label).length / rows.length),
          rows,
        },
      ];
    }),
  );
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, node: process.version, loadAverage1m: round(os.loadavg()[0]!) },
    model: model.label,
    titles: labelled.length,
    lookupOnly: { accuracy: round(lookupRight / labelled.length), found: lookups.filter(Boolean).length, undecided: undecided.filter(Boolean).length },
    variants,
  };
  mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(path.join(ROOT, 'bench/results/occupations.json'), `${JSON.stringify(report, null, 2)}\n`);
  const v = (kind: keyof typeof kinds) => variants[kind] as { accuracy: number; embeddingDecided: number; embeddingRight: number; embeddingFixed: number; embeddingBroke: number; embeddingOnlyAccuracy: number };
  const line = (name: string, kind: keyof typeof kinds) =>
    `| lookup + embedding (${name}) | **${v(kind).accuracy}** | ${v(kind).embeddingDecided} of ${labelled.length} | ${v(kind).embeddingRight} of ${v(kind).embeddingDecided} | +${v(kind).embeddingFixed} / −${v(kind).embeddingBroke} | ${v(kind).embeddingOnlyAccuracy} |`;
  writeMarkedSection(
    path.join(ROOT, 'BENCHMARKS.md'),
    '<!-- occupations:start -->',
    '<!-- occupations:end -->',
    [
      '<!-- occupations:start -->',
      '## Occupations: titles, then the embedding model where titles alone don\'t decide',
      '',
      `\`pnpm bench:occupations\` (bench/src/occupations.bench.ts → bench/results/occupations.json). ${labelled.length} job titles as postings write them, labelled by hand with their O*NET-SOC occupation before the first run (bench/data/occupation-titles/titles.json; never tuned on). ` +
        `The alternate-title lookup (OccupationIndex.normalize, no skills given) decides alone when it finds the title, or a run of two or more of its words, under one occupation; otherwise (no match, a one-word match, or several occupations) chooseOccupation takes the occupation whose vector is nearest to the title's (${model.label}), among the candidates when there are some, else among all ${occupations.length}. Run ${report.date.slice(0, 16)}Z, Node ${process.version}.`,
      '',
      '| method | accuracy | embedding decided | embedding right | changed vs lookup (fixed / broke) | embedding alone, every title |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      `| alternate-title lookup alone | ${report.lookupOnly.accuracy} | – | – | – | – |`,
      line('occupation title vectors', 'title'),
      line('title + description vectors', 'titleAndDescription'),
      '',
      `The lookup found something for ${report.lookupOnly.found} titles and left ${report.lookupOnly.undecided} undecided.`,
      '<!-- occupations:end -->',
    ].join('\n'),
  );
  console.log(JSON.stringify({ titles: labelled.length, lookupOnly: report.lookupOnly, variants: Object.fromEntries(Object.entries(variants).map(([k, x]) => [k, { ...x, rows: undefined }])) }, null, 2));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
