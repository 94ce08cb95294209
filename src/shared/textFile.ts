import { readFile } from 'node:fs/promises';
import { inputError } from '../errors.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads a file's bytes; a missing or unreadable file is a one-line input error rather than a stack trace. */
export async function readBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw inputError(file, undefined, `cannot read the file (${code}); expected a readable file`);
  }
}

/**
 * Decodes UTF-8 strictly (a leading byte-order mark is dropped). Invalid bytes are an error naming the first bad
 * line, because silently replacing them would change tokens and labels.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw inputError(file, firstInvalidLine(bytes), 'invalid UTF-8 byte sequence; expected a UTF-8 text file');
  }
}

function firstInvalidLine(bytes: Uint8Array): number {
  let start = 0;
  for (let line = 1; ; line++) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline === -1 ? bytes.length : newline;
    try {
      strictUtf8.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    if (newline === -1) return line;
    start = newline + 1;
  }
}

export async function readText(file: string): Promise<string> {
  return decodeUtf8(await readBytes(file), file);
}

/** Splits text into lines, accepting both LF and CRLF endings. */
export function lines(text: string): string[] {
  const all = text.split('\n');
  if (all.length > 0 && all[all.length - 1] === '') all.pop();
  return all.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}
