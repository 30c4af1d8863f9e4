/**
 * Progress output that suits where it goes: a redrawn bar on a terminal, plain timestamped lines
 * (at most one per `lineEvery` ms, plus the last) when piped or logged, nothing with --quiet.
 */
export interface Reporter {
  /** A one-off message line. */
  info(message: string): void;
  /** Starts a task with a known total; returns its updater. */
  task(label: string, total: number): Task;
}

export interface Task {
  update(done: number, detail?: string): void;
  done(detail?: string): void;
}

export function createReporter(options: { quiet?: boolean; stream?: NodeJS.WriteStream; lineEvery?: number } = {}): Reporter {
  const stream = options.stream ?? process.stderr;
  const quiet = options.quiet ?? false;
  const tty = stream.isTTY === true;
  const lineEvery = options.lineEvery ?? 2000;
  const started = Date.now();
  const stamp = (): string => `[${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s]`;
  return {
    info(message) {
      if (!quiet) stream.write(`${stamp()} ${message}\n`);
    },
    task(label, total) {
      let last = 0;
      const width = 28;
      const render = (done: number, detail = ''): string => {
        const frac = total > 0 ? Math.min(1, done / total) : 1;
        const fill = Math.round(frac * width);
        return `${label} [${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${done}/${total}${detail ? ` ${detail}` : ''}`;
      };
      return {
        update(done, detail) {
          if (quiet) return;
          const now = Date.now();
          if (tty) {
            if (now - last < 100) return;
            last = now;
            stream.write(`\r\x1b[K${render(done, detail)}`);
          } else if (now - last >= lineEvery) {
            last = now;
            stream.write(`${stamp()} ${label}: ${done}/${total}${detail ? ` ${detail}` : ''}\n`);
          }
        },
        done(detail) {
          if (quiet) return;
          if (tty) {
            stream.write(`\r\x1b[K${render(total, detail)}\n`);
          } else {
            stream.write(`${stamp()} ${label}: done${detail ? ` ${detail}` : ''}\n`);
          }
        },
      };
    },
  };
}
