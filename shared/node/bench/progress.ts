// Node only (bench tooling).
// Progress on stderr, so stdout stays clean for --json. On a terminal one line is rewritten
// in place; in a log (CI, a pipe) a line is printed every 10 % so the log stays short.

export interface Progress {
  update(done: number): void;
  finish(note?: string): void;
}

export function progress(label: string, total: number): Progress {
  const tty = process.stderr.isTTY === true;
  const started = performance.now();
  let lastTenth = -1;
  let lastPaint = 0;
  return {
    update(done) {
      const fraction = total > 0 ? Math.min(1, done / total) : 1;
      if (tty) {
        const now = performance.now();
        if (now - lastPaint < 100) return;
        lastPaint = now;
        process.stderr.write(`\r${label}: ${(fraction * 100).toFixed(0).padStart(3)} %`);
      } else {
        const tenth = Math.floor(fraction * 10);
        if (tenth > lastTenth) {
          lastTenth = tenth;
          process.stderr.write(`${label}: ${tenth * 10} %\n`);
        }
      }
    },
    finish(note = '') {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stderr.write(`${tty ? '\r\x1b[K' : ''}${label}: done in ${seconds} s${note ? ` (${note})` : ''}\n`);
    },
  };
}
