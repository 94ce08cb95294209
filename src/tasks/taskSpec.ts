import { dirname, resolve } from 'node:path';
import { readJsonFile } from '../shared/jsonFile.js';
import { FieldReader } from '../validate.js';
import { builtinTask } from './builtinTasks.js';
import { SplitNames, TaskKinds, type SplitName, type TaskKind } from './task.js';

export const TaskFormats = ['conllu', 'conll', 'tsv', 'jsonl'] as const;
export type TaskFormat = (typeof TaskFormats)[number];

/** CoNLL-U columns a file-declared tagging task can take its labels from. */
export const ConlluLabelColumns = ['upos', 'xpos', 'feats', 'deprel'] as const;
export type ConlluLabelColumn = (typeof ConlluLabelColumns)[number];

const KIND_OF_FORMAT: Record<TaskFormat, TaskKind> = {
  conllu: 'tagging',
  conll: 'tagging',
  tsv: 'classification',
  jsonl: 'classification',
};

/**
 * A task declared by files (in a study spec's `tasks`, or a JSON file given to `taskrel tasks show`):
 * - `conllu`: tagging, labels from `column`; multiword-token lines and empty nodes are skipped;
 * - `conll`: tagging, `token<TAB>label` lines, a blank line between sentences;
 * - `tsv`: classification, a header naming `text` and `label` columns;
 * - `jsonl`: classification, one `{"text": ..., "label": ...}` per line.
 * After validation `files` are absolute paths (relative ones are resolved against the spec's folder).
 * `outside` is the label left out of micro-F1; it defaults to `O` for `conll` (BIO files) and null otherwise.
 */
export interface TaskSpec {
  name: string;
  kind: TaskKind;
  format: TaskFormat;
  column?: ConlluLabelColumn;
  files: Record<SplitName, string>;
  description?: string;
  outside: string | null;
}

/** Validates and normalizes a task spec read by `reader` (errors name the document and the field path). */
export function readTaskSpec(reader: FieldReader, baseDir: string): TaskSpec {
  reader.onlyKeys(['name', 'kind', 'format', 'column', 'files', 'description', 'outside']);
  const name = reader.field('name').matching(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a name of letters, digits, - _ .');
  if (builtinTask(name)) throw reader.field('name').fail('a name other than the built-in tasks');
  const format = reader.field('format').oneOf(TaskFormats);
  const kind = reader.field('kind').oneOf(TaskKinds);
  if (KIND_OF_FORMAT[format] !== kind)
    throw reader.field('kind').fail(`'${KIND_OF_FORMAT[format]}' (format '${format}' holds ${KIND_OF_FORMAT[format]} data)`);
  if (format !== 'conllu' && reader.field('column').present) throw reader.field('column').fail("no column (only a 'conllu' task has one)");
  const column = format === 'conllu' ? reader.field('column').oneOf(ConlluLabelColumns) : undefined;
  const filesReader = reader.field('files').onlyKeys(SplitNames);
  filesReader.object();
  const files = Object.fromEntries(SplitNames.map((split) => [split, resolve(baseDir, filesReader.field(split).string())])) as Record<
    SplitName,
    string
  >;
  const description = reader.field('description').present ? reader.field('description').string() : undefined;
  const outsideReader = reader.field('outside');
  const outside = outsideReader.value === null ? null : outsideReader.present ? outsideReader.string() : format === 'conll' ? 'O' : null;
  return { name, kind, format, ...(column ? { column } : {}), files, ...(description !== undefined ? { description } : {}), outside };
}

/** Validates a parsed task spec; `document` names it in errors, `baseDir` anchors its relative file paths. */
export function validateTaskSpec(value: unknown, document: string, baseDir: string): TaskSpec {
  return readTaskSpec(FieldReader.root(value, document), baseDir);
}

/** Reads a JSON task spec file; relative paths inside it are resolved against its folder. */
export async function readTaskSpecFile(file: string): Promise<TaskSpec> {
  return validateTaskSpec(await readJsonFile(file), file, dirname(resolve(file)));
}
