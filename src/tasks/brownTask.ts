import { readBrown } from '../data/brown.js';
import { brownFiles, CorpusPackages, packageDirectory, packageVersion } from '../data/corpora.js';
import { brownBaseTag } from './brownTags.js';
import { documentSplit } from './splitting.js';
import type { BuiltinTask, TaskRecipe } from './taskRecipe.js';

const description =
  'Brown base tags (92): gold tags without fw-/-tl/-hl/-nc, contraction tags cut to their first part; split 8:1:1 by document.';

/** Brown has no official split: documents in corpus order go 8:1:1 to train/dev/test (see documentSplit). */
function brownRecipe(): TaskRecipe {
  const files = brownFiles();
  const directory = packageDirectory(CorpusPackages.brown);
  return {
    name: 'brown-pos',
    kind: 'tagging',
    description,
    source: `Brown corpus (npm ${packageVersion(CorpusPackages.brown)})`,
    outside: null,
    derivation: 'brown-base-tag/1',
    files,
    build: async () => {
      const documents = await Promise.all(files.map(readBrown));
      const examples = documents.map((sentences) => sentences.map(({ tokens, labels }) => ({ tokens, labels: labels.map(brownBaseTag) })));
      const origin = (rule: string): string => `${directory} (documents with index ${rule})`;
      return {
        splits: documentSplit(examples),
        origin: { train: origin('mod 10 < 8'), dev: origin('mod 10 = 8'), test: origin('mod 10 = 9') },
      };
    },
  };
}

export const brownPosTask: BuiltinTask = { name: 'brown-pos', kind: 'tagging', description, recipe: brownRecipe };
