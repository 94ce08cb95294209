import { TaskrelError } from '../errors.js';
import { importFormatHelp, type ScoreStep } from '../features/import/importFormat.js';
import { importStudy } from '../workflows/importStudy.js';
import { analyzeStudy } from '../workflows/analyze.js';
import { describeAnalysis } from './analyze.js';
import { curveFeaturesFlag, onePositional, parseFlags } from './parseFlags.js';
import type { Command } from './command.js';

const help = `usage: taskrel import DIR --study NAME [--output STUDY_DIR] [--score-step last|best-dev|STEP]
                      [--curve-features taskrel|paper]

Turns runs trained with any framework into a taskrel study folder (reports/NAME unless --output): study.json,
runs/, gains.csv and task_features.csv, then analyses it like a study of its own (features.csv, pairs.csv,
meta.json). Afterwards \`taskrel report STUDY_DIR\` draws the report. Importing again into the same folder
replaces the earlier import; a folder with runs taskrel trained itself is never overwritten.

${importFormatHelp}

options:
  --study NAME        study name (letters, digits, - _ .)
  --output STUDY_DIR  study folder (default reports/NAME)
  --score-step WHICH  which scores count: last (the last step with test_f1, default), best-dev (the step with
                      the best dev_f1, as taskrel's own runs), or a step number
  --curve-features M  taskrel (default) or paper: Bingel & Søgaard's notebook definitions of the curve
                      features (see taskrel analyze --help); kept in the study folder's study.json

example:
  taskrel import exported-runs/ --study my-tasks --score-step best-dev`;

function scoreStep(value: string | undefined): ScoreStep {
  if (value === undefined || value === 'last' || value === 'best-dev') return value ?? 'last';
  const step = Number(value);
  if (!Number.isInteger(step) || step < 0) {
    throw new TaskrelError(`taskrel import: --score-step: expected last, best-dev or a step number, got '${value}'`);
  }
  return step;
}

export const importCommand: Command = {
  name: 'import',
  summary: 'turn runs trained elsewhere (CSV curves and scores) into a study folder',
  help,
  async run(argv) {
    const { values, positionals } = parseFlags('import', argv, {
      study: { type: 'string' },
      output: { type: 'string' },
      'score-step': { type: 'string' },
      'curve-features': { type: 'string' },
    });
    const source = onePositional('import', positionals, 'folder of CSV files', 'taskrel import runs/ --study NAME');
    if (values.study === undefined) throw new TaskrelError('taskrel import: --study NAME is required');
    const options = {
      study: values.study,
      output: values.output,
      scoreStep: scoreStep(values['score-step']),
      curveFeatures: curveFeaturesFlag('import', values['curve-features']),
    };
    const summary = await importStudy(source, options);
    const { runs, tasks, dir } = summary;
    const singles = runs.filter((r) => r.kind === 'single').length;
    const kinds = `${singles} single-task, ${runs.length - singles} pair`;
    console.log(`imported ${runs.length} runs (${kinds}) of ${tasks.length} tasks into ${dir}`);
    const dataset = summary.datasetFeatures ? 'dataset features from task_features.csv' : 'no task_features.csv, so no dataset features';
    console.log(`gains of ${summary.gains} directed pairs; ${dataset}`);
    for (const note of summary.notes) console.log(`note: ${note}`);
    for (const warning of summary.warnings) console.log(`warning: ${warning}`);
    for (const pair of summary.unscored) console.log(`warning: ${pair.main}/${pair.aux}: ${pair.reason}`);
    for (const line of describeAnalysis(await analyzeStudy(summary.dir))) console.log(line);
    console.log(`next: taskrel report ${summary.dir}`);
    return 0;
  },
};
