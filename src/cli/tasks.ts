import { TaskrelError } from '../errors.js';
import { builtinTasks } from '../tasks/builtinTasks.js';
import { identicalSplits } from '../tasks/identicalSplits.js';
import { loadTask } from '../tasks/loadTask.js';
import { SplitNames, UNKNOWN_LABEL, type Task } from '../tasks/task.js';
import { summarizeTask } from '../tasks/taskSummary.js';
import { readTaskSpecFile } from '../tasks/taskSpec.js';
import { alignedTable } from './alignedTable.js';
import type { Command } from './command.js';
import { announcePreparing } from './terminal.js';

const help = `usage: taskrel tasks
       taskrel tasks show NAME|SPEC.json [--examples N]

Lists the built-in tasks with their train/dev/test sizes (sentences, or texts for classification), or shows one
task: tokens per split, label counts, labels unseen in training, and N examples (default 3). A task declared by
files is shown by giving the path of its JSON spec, e.g.
  {"name": "my-ner", "kind": "tagging", "format": "conll",
   "files": {"train": "train.txt", "dev": "dev.txt", "test": "test.txt"}}
Tasks are prepared from the installed corpora on first use and cached (data/cache/, or $TASKREL_CACHE).

examples:
  taskrel tasks
  taskrel tasks show ewt-chunk --examples 5`;

const number = (value: number): string => value.toLocaleString('en-US');
const progress = announcePreparing;

const table = (rows: string[][], rightAligned: Set<number>): string => alignedTable(rows, rightAligned).join('\n');

async function list(): Promise<void> {
  const rows = [['task', 'kind', 'labels', 'train', 'dev', 'test', 'description']];
  for (const { name } of builtinTasks) {
    const task = await loadTask(name, { onPrepare: progress });
    rows.push([name, task.kind, String(task.labels.length), ...SplitNames.map((split) => number(task[split].length)), task.description]);
  }
  console.log(table(rows, new Set([2, 3, 4, 5])));
  console.log('\nsizes are sentences (tagging) or texts (classification); `taskrel tasks show NAME` for details.');
}

async function show(target: string, examples: number): Promise<void> {
  const spec = target.endsWith('.json') ? await readTaskSpecFile(target) : undefined;
  const task = await loadTask(spec ?? target, { onPrepare: progress });
  const same = spec === undefined ? undefined : identicalSplits(task, spec.files);
  if (same !== undefined) process.stderr.write(`warning: ${same}\n`);
  const summary = summarizeTask(task);
  const unit = task.kind === 'tagging' ? 'sentences' : 'texts';
  console.log(`${task.name} (${task.kind}): ${task.description}`);
  console.log(`source: ${task.source}`);
  console.log(`outside label: ${task.outside ?? 'none (every label counts in F1)'}   fingerprint: ${task.fingerprint.slice(0, 16)}\n`);
  console.log(
    table(
      [['split', unit, 'tokens'], ...SplitNames.map((split) => [split, number(summary[split].examples), number(summary[split].tokens)])],
      new Set([1, 2]),
    ),
  );
  const count = (split: (typeof SplitNames)[number], label: string): string =>
    number(summary[split].labels.find(([l]) => l === label)?.[1] ?? 0);
  console.log(`\n${task.labels.length} labels, by training count:`);
  console.log(
    table(
      [['label', ...SplitNames], ...summary.train.labels.map(([label]) => [label, ...SplitNames.map((split) => count(split, label))])],
      new Set([1, 2, 3]),
    ),
  );
  if (task.unseen.length > 0) {
    console.log(`\nlabels unseen in train, mapped to ${UNKNOWN_LABEL} (cannot be predicted):`);
    for (const { split, label, count: n } of task.unseen) console.log(`  ${split}: ${label} ×${n}`);
  }
  console.log(`\nfirst ${Math.min(examples, task.train.length)} training examples:`);
  for (const example of task.train.slice(0, examples)) console.log(`  ${formatExample(task, example)}`);
}

function formatExample(task: Task, example: Task['train'][number]): string {
  if (task.kind === 'classification') return `[${example.labels[0]}] ${example.tokens.join(' ')}`;
  return example.tokens.map((token, index) => `${token}/${example.labels[index]}`).join(' ');
}

export const tasksCommand: Command = {
  name: 'tasks',
  summary: 'list the built-in tasks with their sizes, or show one task',
  help,
  async run(argv) {
    const [action, target, ...flags] = argv;
    if (action === undefined) return list().then(() => 0);
    if (action !== 'show')
      throw new TaskrelError(`unknown tasks action '${action}'; expected 'taskrel tasks' or 'taskrel tasks show NAME'`);
    if (target === undefined || target.startsWith('-'))
      throw new TaskrelError('taskrel tasks show: missing task; expected a built-in task name or a task spec .json path');
    let examples = 3;
    for (let i = 0; i < flags.length; i += 2) {
      const value = flags[i + 1];
      if (flags[i] !== '--examples') throw new TaskrelError(`taskrel tasks show: unknown option '${flags[i]}'; expected --examples N`);
      if (value === undefined || !/^[0-9]+$/.test(value))
        throw new TaskrelError(`--examples: '${value ?? ''}' is not a count; expected a whole number such as 5`);
      examples = Number(value);
    }
    await show(target, examples);
    return 0;
  },
};
