import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { inputError } from '../errors.js';

/** One entry of the wink GloVe JSON: the word and the byte range of its `[...]` number array. */
export interface GloveEntry {
  word: string;
  start: number;
  end: number;
}

const OPEN = Buffer.from('"vectors":{');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const BRACKET_OPEN = 0x5b;
const BRACKET_CLOSE = 0x5d;
const BRACE_CLOSE = 0x7d;

/**
 * Streams the 294 MB wink GloVe JSON (`{..., "words": [...], "vectors": {"the": [100 floats, norm, index], ...}}`)
 * and reports every entry of `vectors` with its byte range, without ever holding more than one read chunk: parsing
 * the whole file needs gigabytes of heap. Keys are JSON strings (escapes allowed); the arrays hold only numbers, so
 * the first `]` closes them. `"vectors":{` cannot occur inside the `words` array, where strings are followed by `,`.
 */
export async function scanGlove(file: string, onEntry: (entry: GloveEntry) => void, chunkSize = 1 << 22): Promise<{ dimensions: number }> {
  let carry: Buffer = Buffer.alloc(0);
  let base = 0;
  let inVectors = false;
  let done = false;
  const dimensions = await readDimensions(file);
  for await (const chunk of createReadStream(file, { highWaterMark: chunkSize })) {
    const buffer = carry.length === 0 ? (chunk as Buffer) : Buffer.concat([carry, chunk as Buffer]);
    let position = 0;
    if (!inVectors) {
      const at = buffer.indexOf(OPEN);
      if (at === -1) {
        const keep = Math.max(0, buffer.length - OPEN.length);
        carry = buffer.subarray(keep);
        base += keep;
        continue;
      }
      inVectors = true;
      position = at + OPEN.length;
    }
    while (!done) {
      position = skipSeparators(buffer, position);
      if (position >= buffer.length) break;
      if (buffer[position] === BRACE_CLOSE) {
        done = true;
        break;
      }
      const entry = readEntry(buffer, position, base, file);
      if (entry === null) break;
      onEntry(entry);
      position = entry.end - base;
    }
    if (done) break;
    carry = buffer.subarray(position);
    base += position;
  }
  if (!done || dimensions === 0)
    throw inputError(file, undefined, 'no complete "vectors" object with "dimensions"; expected the wink GloVe JSON');
  return { dimensions };
}

/** `dimensions` from the header, which precedes the 3 MB word list. */
async function readDimensions(file: string): Promise<number> {
  const handle = await open(file);
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    return Number(/"dimensions":([0-9]+)/.exec(buffer.toString('latin1', 0, bytesRead))?.[1] ?? 0);
  } finally {
    await handle.close();
  }
}

function skipSeparators(buffer: Buffer, position: number): number {
  let at = position;
  while (
    at < buffer.length &&
    (buffer[at] === 0x2c || buffer[at] === 0x20 || buffer[at] === 0x0a || buffer[at] === 0x0d || buffer[at] === 0x09)
  )
    at++;
  return at;
}

/** The entry starting at `position`, or null when the buffer ends before its closing `]`. */
function readEntry(buffer: Buffer, position: number, base: number, file: string): GloveEntry | null {
  if (buffer[position] !== QUOTE) throw inputError(file, undefined, `byte ${base + position}: expected a quoted word in "vectors"`);
  let close = position + 1;
  for (;;) {
    close = buffer.indexOf(QUOTE, close);
    if (close === -1) return null;
    let backslashes = 0;
    while (buffer[close - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) break;
    close++;
  }
  const open = close + 2;
  if (open >= buffer.length) return null;
  if (buffer[close + 1] !== COLON || buffer[open] !== BRACKET_OPEN)
    throw inputError(file, undefined, `byte ${base + close + 1}: expected ":[" after a word`);
  const end = buffer.indexOf(BRACKET_CLOSE, open);
  if (end === -1) return null;
  const word = JSON.parse(buffer.toString('utf8', position, close + 1)) as string;
  return { word, start: base + open, end: base + end + 1 };
}

/** Parses the first `dimensions` numbers of an entry's `[...]` bytes. */
export function parseVector(bytes: Buffer, dimensions: number, into: Float32Array, offset: number): boolean {
  const values = bytes.toString('latin1', 1, bytes.length - 1).split(',');
  if (values.length < dimensions) return false;
  for (let d = 0; d < dimensions; d++) into[offset + d] = Number(values[d]);
  return true;
}
