import { CorpusPackages, packageVersion, sentimentFile, type SentimentSet } from '../data/corpora.js';
import { readSentimentFixture } from '../data/sentimentFixture.js';
import { tokenize } from '../data/tokenize.js';
import { SPLIT_SEED, stratifiedSplit } from './splitting.js';
import type { BuiltinTask, TaskRecipe } from './taskRecipe.js';

/**
 * A UCI sentiment set (1,000 review sentences from one site) as a classification task. There is no official
 * split: 80/10/10 stratified by class with a fixed seed. Texts are tokenized by data/tokenize.ts, so changing the
 * tokenizer needs a new derivation version here.
 */
export function sentimentTask(set: SentimentSet, site: string): BuiltinTask {
  const name = `sent-${set}`;
  const description = `Sentence polarity positive/negative (gold, UCI Sentiment Labelled Sentences, ${site}); split 80/10/10 stratified, seed ${SPLIT_SEED}.`;
  const recipe = (): TaskRecipe => {
    const file = sentimentFile(set);
    return {
      name,
      kind: 'classification',
      description,
      source: `UCI Sentiment Labelled Sentences, ${site} (npm ${packageVersion(CorpusPackages.sentiment)} test fixture)`,
      outside: null,
      derivation: 'sentiment/1',
      files: [file],
      build: async () => {
        const examples = (await readSentimentFixture(file)).map(({ text, label }) => ({ tokens: tokenize(text), labels: [label] }));
        return {
          splits: stratifiedSplit(examples, (example) => example.labels[0] as string),
          origin: { train: file, dev: file, test: file },
        };
      },
    };
  };
  return { name, kind: 'classification', description, recipe };
}
