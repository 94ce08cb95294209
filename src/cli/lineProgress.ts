/** A long job's progress as one line: update it with the text and the fraction done. */
export interface LineProgress {
  update(line: string, fraction: number): void;
  /** A line that stays, printed above the progress line. */
  note(line: string): void;
  close(): void;
}

/** On a terminal, one line redrawn in place (at most every 200 ms); elsewhere a line at every tenth of the job. */
export function lineProgress(stream: NodeJS.WriteStream = process.stderr): LineProgress {
  let shown = 0;
  let tenth = 0;
  return {
    update(line, fraction) {
      if (stream.isTTY) {
        if (Date.now() - shown < 200 && fraction < 1) return;
        shown = Date.now();
        stream.write(`\r\x1b[K${line.slice(0, (stream.columns || 100) - 1)}`);
      } else if (Math.floor(10 * fraction) > tenth) {
        tenth = Math.floor(10 * fraction);
        stream.write(`${line}\n`);
      }
    },
    note(line) {
      stream.write(`${stream.isTTY && shown > 0 ? '\r\x1b[K' : ''}${line}\n`);
    },
    close() {
      if (stream.isTTY && shown > 0) stream.write('\n');
      shown = 0;
    },
  };
}
