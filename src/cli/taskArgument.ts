import { extname } from 'node:path';
import { TaskrelError } from '../errors.js';
import { builtinTask, builtinTasks } from '../tasks/builtinTasks.js';
import { type TaskFormat, type TaskSpec, readTaskSpecFile, validateTaskSpec } from '../tasks/taskSpec.js';

/** File extensions a task given by files may have, and what they hold. */
const extensionFormats: Record<string, { format: TaskFormat; kind: TaskSpec['kind'] }> = {
  '.conllu': { format: 'conllu', kind: 'tagging' },
  '.conll': { format: 'conll', kind: 'tagging' },
  '.tsv': { format: 'tsv', kind: 'classification' },
  '.jsonl': { format: 'jsonl', kind: 'classification' },
};

export const taskArgumentHelp = `TASK is one of:
  NAME                    a built-in task (taskrel tasks lists them)
  SPEC.json               a JSON task spec, as for taskrel tasks show
  NAME=TRAIN,DEV,TEST     three files; the format follows their extension:
                            .conll   token<TAB>label lines, blank line between sentences (tagging, outside label O)
                            .conllu  CoNLL-U, labels from --column upos|xpos|feats|deprel (tagging)
                            .tsv     a header with text and label columns (classification)
                            .jsonl   one {"text": ..., "label": ...} per line (classification)
                          (for other settings, e.g. another outside label, write a JSON task spec)`;

/**
 * The task of a `--task` (or `flag`) argument: a built-in name, a JSON spec file, or `NAME=TRAIN,DEV,TEST` files.
 * Relative paths resolve against the working directory; the files themselves are read (and their errors
 * reported, with file and line) when the task is loaded.
 */
export async function parseTaskArgument(value: string, column: string | undefined, flag = '--task'): Promise<string | TaskSpec> {
  const equals = value.indexOf('=');
  if (column !== undefined && equals === -1)
    throw new TaskrelError(`--column ${column}: only for a task given as NAME=TRAIN,DEV,TEST .conllu files`);
  if (equals === -1) {
    if (value.endsWith('.json')) return readTaskSpecFile(value);
    if (builtinTask(value)) return value;
    throw new TaskrelError(
      `${flag} ${value}: not a built-in task (${builtinTasks.map((t) => t.name).join(', ')}), a .json task spec or NAME=TRAIN,DEV,TEST files`,
    );
  }
  const name = value.slice(0, equals);
  const files = value.slice(equals + 1).split(',');
  if (files.length !== 3 || files.some((f) => f === '')) {
    throw new TaskrelError(
      `${flag} ${value}: expected NAME=TRAIN,DEV,TEST, three comma-separated files; got ${files.filter((f) => f !== '').length}`,
    );
  }
  const extensions = [...new Set(files.map((f) => extname(f).toLowerCase()))];
  const known = extensionFormats[extensions[0]];
  if (extensions.length > 1 || known === undefined) {
    throw new TaskrelError(
      `${flag} ${value}: expected three files with one extension of ${Object.keys(extensionFormats).join(', ')}; got ${extensions.map((e) => e || '(none)').join(', ')}`,
    );
  }
  if (known.format === 'conllu' && column === undefined)
    throw new TaskrelError(`${flag} ${value}: CoNLL-U files need --column upos|xpos|feats|deprel`);
  const [train, dev, test] = files;
  const spec = { name, kind: known.kind, format: known.format, ...(column === undefined ? {} : { column }), files: { train, dev, test } };
  return validateTaskSpec(spec, flag, process.cwd());
}
