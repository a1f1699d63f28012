import { opendir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import type { EmbeddableEntity } from '@jobmatch/contracts';
import { ApiKeyRepository, assertStorableVector, type ImportedEmbedding } from '@jobmatch/db';
import {
  CreateJobDto,
  CreateResumeTextDto,
  type ExternalJobInput,
  type ExternalResumeWrite,
} from '@jobmatch/matcher/dist/operator';
import { CliError } from '../cli-error';
import type { DataContext } from '../context';
import {
  batchImport,
  formatSummary,
  type BatchWrite,
  type ImportSummary,
  type PreparedRecord,
} from '../imports/batch-import';
import { EXIT_SOME_REJECTED } from '../exit-codes';
import { RejectionReport } from '../imports/outputs';
import { readRecords, recordFormatOf, type SourceRecord } from '../imports/record-source';
import { validateAs } from '../imports/validate';
import { startProgress, type Progress } from '../progress';

export interface FileImportOptions {
  file: string;
  /** Tenant name (`--tenant`, default `default`): every record is written to this tenant. */
  tenant: string;
  format?: string;
  batchSize: number;
  rejects?: string;
  json?: boolean;
}

/** A progress bar over the bytes of a file, with the records read so far beside it. */
class FileProgress {
  private kib = 0;
  private detail?: string;

  private constructor(
    private readonly bar: Progress,
    private readonly totalKib: number,
  ) {}

  static async start(label: string, file: string): Promise<FileProgress> {
    const size = (await stat(file).catch(() => null))?.size;
    if (size === undefined) throw new CliError(`No such file: ${file}`);
    const totalKib = Math.max(1, Math.ceil(size / 1024));
    return new FileProgress(startProgress(label, totalKib, { unit: 'KiB' }), totalKib);
  }

  readonly onBytes = (bytes: number): void => {
    this.kib = Math.floor(bytes / 1024);
    this.bar.update(this.kib);
  };

  records(summary: ImportSummary): void {
    this.detail = `${summary.read} records, ${summary.rejected} rejected`;
    this.bar.update(this.kib, this.detail);
  }

  /** The whole file was read. */
  done(summary: ImportSummary): void {
    this.kib = this.totalKib;
    this.records(summary);
  }

  stop(): void {
    this.bar.stop();
  }
}

function report(what: string, summary: ImportSummary, json: boolean | undefined): void {
  process.stdout.write(json ? `${JSON.stringify(summary)}\n` : formatSummary(what, summary));
  if (summary.rejected > 0) process.exitCode = EXIT_SOME_REJECTED;
}

const IMPORT_NEEDS_EXTERNAL_ID =
  'externalId: required for imports (rows are upserted by it, so an import can run again)';

/** A file record → a job the API would accept (its own DTO and validation pipe), keyed by its external id. */
async function prepareJob(record: SourceRecord): Promise<PreparedRecord<ExternalJobInput>> {
  if ('error' in record) return record;
  const validated = await validateAs(CreateJobDto, record.value);
  if ('error' in validated) return { error: validated.error, at: record.at };
  const externalId = validated.value.externalId;
  if (!externalId) return { error: IMPORT_NEEDS_EXTERNAL_ID, at: record.at };
  return { externalId, item: validated.value as ExternalJobInput, at: record.at };
}

/** The failure of one record the API would answer with a 4xx (its message), or a real failure (thrown). */
function recordError(error: unknown): string {
  const response = (error as { getResponse?: () => unknown; getStatus?: () => number }) ?? {};
  if (typeof response.getStatus === 'function' && response.getStatus() < 500) {
    return (response.getResponse!() as { message: string }).message;
  }
  throw error;
}

/** A JSON Lines record {externalId, text, fileName?} → a resume row prepared as POST /resumes does. */
async function prepareResumeText(
  context: DataContext,
  record: SourceRecord,
): Promise<PreparedRecord<ExternalResumeWrite>> {
  if ('error' in record) return record;
  const validated = await validateAs(CreateResumeTextDto, record.value);
  if ('error' in validated) return { error: validated.error, at: record.at };
  const { text, fileName, externalId } = validated.value;
  if (!externalId) return { error: IMPORT_NEEDS_EXTERNAL_ID, at: record.at };
  try {
    return {
      externalId,
      item: context.resumes.prepareFromText(text, fileName, externalId) as ExternalResumeWrite,
      at: record.at,
    };
  } catch (error) {
    return { error: recordError(error), at: record.at };
  }
}

const DOCUMENT_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.txt': 'text/plain',
  '.md': 'text/markdown',
};

/** The documents of a folder (and its sub-folders), listed as they are found, by path inside the folder. */
async function* documentsIn(folder: string): AsyncGenerator<string> {
  const entries = await opendir(folder, { recursive: true }).catch(() => {
    throw new CliError(`No such folder: ${folder}`);
  });
  for await (const entry of entries) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    yield relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/');
  }
}

/**
 * A document → a resume row prepared as POST /resumes/upload does: the same size limit, type
 * detection, bounded parser processes, text cleanup and contact-free profile. Its external id is
 * its path inside the folder, so importing the folder again replaces rather than duplicates.
 */
async function prepareDocument(
  context: DataContext,
  folder: string,
  path: string,
): Promise<PreparedRecord<ExternalResumeWrite>> {
  const at = { file: path };
  const mimetype = DOCUMENT_TYPES[extname(path).toLowerCase()];
  if (!mimetype) return { error: `not a PDF, DOCX or plain-text file (${Object.keys(DOCUMENT_TYPES).join(', ')})`, at };
  const full = join(folder, path);
  const { size } = await stat(full);
  const maxBytes = context.config.UPLOAD_MAX_BYTES;
  if (size > maxBytes)
    return { error: `larger than the ${Math.round(maxBytes / 1024)} KiB upload limit (UPLOAD_MAX_BYTES)`, at };
  try {
    const buffer = await readFile(full);
    const item = await context.resumes.prepareFromUpload(
      { originalname: basename(path), mimetype, buffer, size },
      path,
    );
    return { externalId: path, item: item as ExternalResumeWrite, at };
  } catch (error) {
    return { error: recordError(error), at };
  }
}

/** The id of an existing tenant, by name: an import never creates a tenant (a typo would hide the rows). */
async function tenantIdOf(context: DataContext, name: string): Promise<string> {
  const tenant = (await new ApiKeyRepository(context.pool).listTenants()).find((candidate) => candidate.name === name);
  if (!tenant) throw new CliError(`No tenant named "${name}" (tenants are created with \`pnpm cli keys create --tenant ${name} …\`).`, 2);
  return tenant.id;
}

async function writeResumes(context: DataContext, tenantId: string, items: ExternalResumeWrite[]): Promise<BatchWrite> {
  const result = await context.resumes.upsertMany(tenantId, items);
  return { outcomes: result.outcomes.map(({ outcome }) => outcome), enqueued: result.enqueued, queued: result.queued };
}

/** The input file and its format, checked before any connection is made. */
export async function inputFile(
  path: string,
  format: string | undefined,
): Promise<{ file: string; format: ReturnType<typeof recordFormatOf> }> {
  const file = resolve(path);
  const recordFormat = recordFormatOf(file, format);
  if (!(await stat(file).catch(() => null))?.isFile()) throw new CliError(`No such file: ${file}`);
  return { file, format: recordFormat };
}

export async function importJobs(
  context: DataContext,
  { file, format }: Awaited<ReturnType<typeof inputFile>>,
  options: FileImportOptions,
): Promise<void> {
  const tenantId = await tenantIdOf(context, options.tenant);
  const rejects = new RejectionReport(options.rejects);
  const progress = await FileProgress.start('import jobs', file);
  try {
    const records = (async function* () {
      for await (const record of readRecords(file, format, progress.onBytes)) yield prepareJob(record);
    })();
    const summary = await batchImport(records, {
      batchSize: options.batchSize,
      write: async (items) => {
        const result = await context.jobs.upsertMany(tenantId, items);
        return {
          outcomes: result.outcomes.map(({ outcome }) => outcome),
          enqueued: result.enqueued,
          queued: result.queued,
        };
      },
      onRejected: (rejection) => rejects.add(rejection),
      onProgress: (summary) => progress.records(summary),
    });
    progress.done(summary);
    progress.stop();
    report('jobs', summary, options.json);
  } finally {
    progress.stop();
    await rejects.close();
  }
}

export interface ResumeImportOptions {
  tenant: string;
  dir?: string;
  file?: string;
  batchSize: number;
  rejects?: string;
  json?: boolean;
}

export async function importResumes(context: DataContext, options: ResumeImportOptions): Promise<void> {
  const rejects = new RejectionReport(options.rejects);
  try {
    let summary: ImportSummary;
    const tenantId = await tenantIdOf(context, options.tenant);
  const write = (items: ExternalResumeWrite[]) => writeResumes(context, tenantId, items);
    const onRejected = rejects.add.bind(rejects);
    if (options.file) {
      const { file, format } = await inputFile(options.file, 'jsonl');
      const progress = await FileProgress.start('import resumes', file);
      try {
        const records = (async function* () {
          for await (const record of readRecords(file, format, progress.onBytes))
            yield prepareResumeText(context, record);
        })();
        summary = await batchImport(records, {
          batchSize: options.batchSize,
          write,
          onRejected,
          onProgress: (done) => progress.records(done),
        });
        progress.done(summary);
      } finally {
        progress.stop();
      }
    } else {
      const folder = resolve(options.dir!);
      // Counted first (names only) so the bar has a total and an ETA.
      let total = 0;
      for await (const path of documentsIn(folder)) if (path) total++;
      const progress = startProgress('import resumes', Math.max(1, total), { unit: 'files' });
      try {
        const records = (async function* () {
          for await (const path of documentsIn(folder)) yield prepareDocument(context, folder, path);
        })();
        summary = await batchImport(records, {
          batchSize: options.batchSize,
          // Parsing runs in the parser pool's processes: keep each of them busy.
          concurrency: context.config.PARSER_CONCURRENCY * 2,
          write,
          onRejected,
          onProgress: (done) => progress.update(done.read, `${done.rejected} rejected`),
        });
        progress.update(summary.read);
      } finally {
        progress.stop();
      }
    }
    report('resumes', summary, options.json);
  } finally {
    await rejects.close();
  }
}

interface VectorRecord {
  entity: EmbeddableEntity;
  modelId: string;
  embedding: ImportedEmbedding;
}

/** One line of an export (actions/export.ts) → a vector to store, or why not. */
async function parseVectorRecord(context: DataContext, value: Record<string, unknown>): Promise<VectorRecord | string> {
  const { entity, id, externalId, modelId, contentHash, vector } = value;
  if (entity !== 'job' && entity !== 'resume') return 'entity must be "job" or "resume"';
  if (typeof modelId !== 'string' || !modelId) return 'modelId must be a non-empty string';
  if (typeof contentHash !== 'string' || !contentHash) return 'contentHash must be a non-empty string';
  if (typeof id !== 'string' && typeof externalId !== 'string') return 'id or externalId is required';
  const model = await context.vectors.findModel(modelId);
  if (!model) return `model ${modelId} is not registered here (embedding_models): register it before importing its vectors`;
  if (!Array.isArray(vector) || !vector.every((x) => typeof x === 'number')) return `vector must be an array of ${model.dimension} numbers`;
  try {
    assertStorableVector(vector, model.dimension);
  } catch (error) {
    return (error as Error).message;
  }
  return {
    entity,
    modelId,
    embedding: {
      id: typeof id === 'string' ? id : null,
      externalId: typeof externalId === 'string' ? externalId : null,
      contentHash,
      vector,
    },
  };
}

export async function importVectors(
  context: DataContext,
  { file, format }: Awaited<ReturnType<typeof inputFile>>,
  options: FileImportOptions,
): Promise<void> {
  const rejects = new RejectionReport(options.rejects);
  const progress = await FileProgress.start('import vectors', file);
  const summary = { read: 0, written: 0, skipped: 0, rejected: 0, seconds: 0 };
  const started = Date.now();
  let batch: { record: VectorRecord; at: SourceRecord['at'] }[] = [];
  const flush = async () => {
    // One statement per entity and model present in the batch.
    const groups = new Map<string, typeof batch>();
    for (const entry of batch) {
      const key = `${entry.record.entity}\n${entry.record.modelId}`;
      groups.set(key, [...(groups.get(key) ?? []), entry]);
    }
    for (const entries of groups.values()) {
      const { entity, modelId } = entries[0]!.record;
      const written = await context.vectors.importEmbeddings(
        entity,
        modelId,
        entries.map((entry) => entry.record.embedding),
      );
      const done = new Set(written.map((row) => row.index));
      summary.written += done.size;
      entries.forEach((entry, index) => {
        if (done.has(index)) return;
        summary.skipped++;
        rejects.add({
          at: entry.at,
          reason: `no ${entity} with this ${entry.record.embedding.externalId ? 'externalId' : 'id'} holds the text the vector was computed from (gone, or its text changed): not stored`,
        });
      });
    }
    batch = [];
  };
  try {
    for await (const record of readRecords(file, format, progress.onBytes)) {
      summary.read++;
      const parsed = 'error' in record ? record.error : await parseVectorRecord(context, record.value);
      if (typeof parsed === 'string') {
        summary.rejected++;
        rejects.add({ at: record.at, reason: parsed });
        continue;
      }
      batch.push({ record: parsed, at: record.at });
      if (batch.length >= options.batchSize) await flush();
    }
    await flush();
    progress.stop();
    summary.seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      options.json
        ? `${JSON.stringify(summary)}\n`
        : `Stored ${summary.written} of ${summary.read} vectors in ${summary.seconds.toFixed(1)} s; ${summary.skipped} skipped (row gone or text changed), ${summary.rejected} rejected.\n`,
    );
    if (summary.rejected + summary.skipped > 0) process.exitCode = EXIT_SOME_REJECTED;
  } finally {
    progress.stop();
    await rejects.close();
  }
}
