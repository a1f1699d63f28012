import { Presets, SingleBar } from 'cli-progress';

/** A progress bar on stderr with count, rate and ETA; stdout stays free for a command's output. */
export interface Progress {
  /** Sets the count done so far (e.g. from a database count). */
  update(done: number): void;
  increment(by?: number): void;
  setTotal(total: number): void;
  stop(): void;
}

export interface ProgressOptions {
  /** What is counted ("rows", "vectors"), shown after the count and in the rate. */
  unit?: string;
  /** Where the bar goes; default stderr. Not a terminal: a plain line every few seconds (logs, CI). */
  stream?: NodeJS.WriteStream;
}

/**
 * cli-progress computes the ETA; the rate is done ÷ time since the first unit (cli-progress has no
 * rate token), which is the figure an operator compares runs with.
 */
export function startProgress(label: string, total: number, options: ProgressOptions = {}): Progress {
  const unit = options.unit ?? 'rows';
  const stream = options.stream ?? process.stderr;
  const bar = new SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {rate} ${unit}/s | ETA {eta_formatted} | {duration_formatted}`,
      stream,
      noTTYOutput: true,
      notTTYSchedule: 2_000,
      etaBuffer: 50,
      fps: 5,
      hideCursor: stream.isTTY === true,
    },
    Presets.shades_classic,
  );
  const started = Date.now();
  let done = 0;
  const rate = () => {
    const seconds = (Date.now() - started) / 1000;
    return seconds > 0 ? (done / seconds).toFixed(1) : '0.0';
  };
  bar.start(total, 0, { rate: '0.0' });
  return {
    update(value) {
      done = value;
      bar.update(value, { rate: rate() });
    },
    increment(by = 1) {
      done += by;
      bar.update(done, { rate: rate() });
    },
    setTotal(value) {
      bar.setTotal(value);
    },
    stop() {
      bar.update(done, { rate: rate() });
      bar.stop();
    },
  };
}
