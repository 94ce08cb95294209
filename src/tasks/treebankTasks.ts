import { readConllu, type ConlluSentence } from '../data/conllu.js';
import { CorpusPackages, packageVersion, treebankFiles } from '../data/corpora.js';
import type { Example, SplitName } from './task.js';
import type { BuiltSplits, TaskRecipe } from './taskRecipe.js';

/** Labels for one sentence's syntactic words (multiword-token lines and empty nodes are not tokens). */
export type SentenceLabeller = (sentence: ConlluSentence, file: string) => string[];

export const TREEBANKS = {
  en_ewt: 'UD English EWT',
  en_gum: 'UD English GUM',
} as const;

export interface TreebankTaskDefinition {
  name: string;
  treebank: keyof typeof TREEBANKS;
  description: string;
  outside: string | null;
  derivation: string;
  label: SentenceLabeller;
}

export function treebankRecipe(definition: TreebankTaskDefinition): TaskRecipe {
  const files = treebankFiles(definition.treebank);
  return {
    name: definition.name,
    kind: 'tagging',
    description: definition.description,
    source: `${TREEBANKS[definition.treebank]} (npm ${packageVersion(CorpusPackages.ud)})`,
    outside: definition.outside,
    derivation: definition.derivation,
    files: [files.train, files.dev, files.test],
    build: async (): Promise<BuiltSplits> => {
      const read = async (split: SplitName): Promise<Example[]> =>
        conlluExamples(await readConllu(files[split]), files[split], definition.label);
      const [train, dev, test] = await Promise.all([read('train'), read('dev'), read('test')]);
      return { splits: { train, dev, test }, origin: files };
    },
  };
}

export function conlluExamples(sentences: readonly ConlluSentence[], file: string, label: SentenceLabeller): Example[] {
  return sentences.map((sentence) => ({ tokens: sentence.words.map((word) => word.form), labels: label(sentence, file) }));
}
