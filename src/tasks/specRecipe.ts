import { readConllu, type ConlluSentence } from '../data/conllu.js';
import { readJsonl } from '../data/jsonl.js';
import type { LabelledText } from '../data/labelled.js';
import { tokenize } from '../data/tokenize.js';
import { readTsv } from '../data/tsv.js';
import { readTwoColumn } from '../data/twoColumn.js';
import { inputError } from '../errors.js';
import { SplitNames, type Example, type SplitName } from './task.js';
import type { ConlluLabelColumn, TaskSpec } from './taskSpec.js';
import type { TaskRecipe } from './taskRecipe.js';
import { conlluExamples } from './treebankTasks.js';

/**
 * Bumped when a reader reads the same file differently, so cached copies are prepared again: conll 2 trims spaces
 * around tokens and labels, tsv 2 reads RFC 4180 quoting.
 */
const readerVersions: Record<TaskSpec['format'], number> = { conllu: 1, conll: 2, tsv: 2, jsonl: 1 };

/** The recipe of a file-declared task. Classification texts are tokenized like the built-in sentiment tasks. */
export function specRecipe(spec: TaskSpec): TaskRecipe {
  const column = spec.column ?? '';
  return {
    name: spec.name,
    kind: spec.kind,
    description:
      spec.description ??
      `${spec.kind === 'tagging' ? 'Tags' : 'Text labels'} from ${spec.format} files${column ? ` (${column} column)` : ''}.`,
    source: SplitNames.map((split) => spec.files[split]).join(', '),
    outside: spec.outside,
    derivation: `${spec.format}${column ? `:${column}` : ''}/${readerVersions[spec.format]}`,
    files: SplitNames.map((split) => spec.files[split]),
    build: async () => {
      const [train, dev, test] = await Promise.all(SplitNames.map((split) => readSplit(spec, spec.files[split])));
      return { splits: { train, dev, test } as Record<SplitName, Example[]>, origin: spec.files };
    },
  };
}

async function readSplit(spec: TaskSpec, file: string): Promise<Example[]> {
  switch (spec.format) {
    case 'conllu':
      return conlluExamples(await readConllu(file), file, columnLabeller(spec.column ?? 'upos'));
    case 'conll':
      return (await readTwoColumn(file)).map(({ tokens, labels }) => ({ tokens, labels }));
    case 'tsv':
      return (await readTsv(file)).map(classificationExample);
    case 'jsonl':
      return (await readJsonl(file)).map(classificationExample);
  }
}

function classificationExample({ text, label }: LabelledText): Example {
  return { tokens: tokenize(text), labels: [label] };
}

/** `_` means "not annotated" in every column but FEATS, where it means "no features". */
function columnLabeller(column: ConlluLabelColumn): (sentence: ConlluSentence, file: string) => string[] {
  return (sentence, file) =>
    sentence.words.map((word) => {
      const label = word[column];
      if (label === '_' && column !== 'feats')
        throw inputError(file, word.line, `${column} is '_' (not annotated); expected a label on every word`);
      return label;
    });
}
