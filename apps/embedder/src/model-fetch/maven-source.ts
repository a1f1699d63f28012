import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import yauzl from 'yauzl';
import { sha256File } from '../inference/model-files';

const execFileAsync = promisify(execFile);

export interface MavenResolverOptions {
  /** The Maven executable (default `mvn` on PATH; the CLI passes MVN_COMMAND). */
  command?: string;
  /** How long one artifact may take to resolve (ms). */
  timeoutMs?: number;
}

export interface ResolvedJar {
  /** A copy of the jar in a private temporary folder; `dispose()` removes it. */
  path: string;
  sha256: string;
  dispose(): Promise<void>;
}

/**
 * Resolves jars from Maven Central with the ordinary `mvn` client (`dependency:copy`), so a
 * user's own ~/.m2/settings.xml (mirrors, proxies, credentials) and local repository apply and a
 * jar already in the local repository is not downloaded again.
 */
export class MavenArtifactResolver {
  private readonly command: string;
  private readonly timeoutMs: number;

  constructor(options: MavenResolverOptions = {}) {
    this.command = options.command ?? 'mvn';
    this.timeoutMs = options.timeoutMs ?? 10 * 60_000;
  }

  async resolve(artifact: string): Promise<ResolvedJar> {
    const folder = await mkdtemp(join(tmpdir(), 'jobmatch-maven-'));
    const dispose = () => rm(folder, { recursive: true, force: true });
    try {
      await execFileAsync(
        this.command,
        ['-q', '-B', 'dependency:copy', `-Dartifact=${artifact}`, `-DoutputDirectory=${folder}`],
        { timeout: this.timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      );
      const jars = (await readdir(folder)).filter((name) => name.endsWith('.jar'));
      if (jars.length !== 1) throw new Error(`mvn dependency:copy left ${jars.length} jars for ${artifact}`);
      const path = join(folder, jars[0]);
      return { path, sha256: await sha256File(path), dispose };
    } catch (error) {
      await dispose();
      throw new Error(`mvn could not fetch ${artifact}: ${describeExecError(error)}`, { cause: error });
    }
  }
}

/** Maven prints its reason on stdout ([ERROR] lines); execFile's message only says the exit code. */
function describeExecError(error: unknown): string {
  const failure = error as { code?: string | number; stdout?: string; stderr?: string; message?: string };
  if (failure.code === 'ENOENT') return 'the `mvn` command is not installed (set MVN_COMMAND, or use --source hub)';
  const output = `${failure.stdout ?? ''}\n${failure.stderr ?? ''}`
    .split('\n')
    .filter((line) => line.includes('ERROR'))
    .slice(0, 3)
    .join(' ')
    .trim();
  return output || (failure.message ?? String(error));
}

/** Streams one entry of a jar (zip) to `target` while hashing it; returns its SHA-256. */
export async function extractJarEntry(jarPath: string, entryName: string, target: string): Promise<string> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(jarPath, { lazyEntries: true }, (error, opened) =>
      error || !opened ? reject(error ?? new Error('not a zip')) : resolve(opened),
    ),
  );
  try {
    const entry = await new Promise<yauzl.Entry>((resolve, reject) => {
      zip.on('entry', (candidate: yauzl.Entry) =>
        candidate.fileName === entryName ? resolve(candidate) : zip.readEntry(),
      );
      zip.on('end', () => reject(new Error(`the jar has no entry ${entryName}`)));
      zip.on('error', reject);
      zip.readEntry();
    });
    const stream = await new Promise<Readable>((resolve, reject) =>
      zip.openReadStream(entry, (error, opened) =>
        error || !opened ? reject(error ?? new Error('no stream')) : resolve(opened),
      ),
    );
    await mkdir(dirname(target), { recursive: true });
    const hash = createHash('sha256');
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    await pipeline(stream, hashing, createWriteStream(target));
    return hash.digest('hex');
  } finally {
    zip.close();
  }
}
