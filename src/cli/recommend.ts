import { availableParallelism } from 'node:os';
import { TaskrelError } from '../errors.js';
import { pushedMost } from '../meta/recommendAux.js';
import type { Recommendation } from '../meta/recommendation.js';
import { recommendForTask } from '../meta/recommendForTask.js';
import { formatGain } from '../report/format.js';
import { writeRecommendation } from '../report/recommendationFiles.js';
import { heldOutPairsSentence, heldOutRankingSentence, verificationSentence } from '../report/recommendationText.js';
import { LocalPool } from '../study/localPool.js';
import { taskRefName } from '../study/taskRef.js';
import { alignedTable } from './alignedTable.js';
import { checkpointEveryFlag, checkpointHelp } from './checkpointFlag.js';
import type { Command } from './command.js';
import { integerFlag, parseFlags } from './parseFlags.js';
import { StudyProgress, localTrainers } from './studyProgress.js';
import { parseTaskArgument, taskArgumentHelp } from './taskArgument.js';

const help = `usage: taskrel recommend --study STUDY_DIR --task TASK [--column COL] [--top K] [--verify K] [--workers N]
                         [--checkpoint-every S]

Which of a study's tasks should a new task be trained with? Trains the new task alone with the study's
single-task settings (its learning curve is a feature), computes its dataset and curve features, pairs it as
main task with every task of the study and ranks those by the study's meta-model: P(gain), the features that
pushed each most, and how far to trust the ranking (the study's scores on held-out main tasks against the
majority baseline, and this ranking replayed on the study's own tasks). Writes STUDY_DIR/recommend-TASK.html
and .json. The new task's runs go to STUDY_DIR/recommend/TASK/ and are reused by the next call.

${taskArgumentHelp}

options:
  --study DIR     an analysed study folder (taskrel study, or taskrel import)
  --task TASK     the new main task (see above); it must not be one of the study's tasks
  --column COL    the CoNLL-U column with the labels, for NAME=… .conllu files
  --top K         print the K most recommended (default 10; the page lists all)
  --verify K      also train the pairs with the top K tasks and, for contrast, the bottom one, and print
                  predicted vs measured gains
  --workers N     parallel worker processes (default: one per core, ${availableParallelism()} here)
${checkpointHelp(18)}

examples:
  taskrel recommend --study reports/demo --task ewt-xpos
  taskrel recommend --study reports/demo --task my-ner=ner/train.conll,ner/dev.conll,ner/test.conll --verify 2
  taskrel recommend --study reports/demo --task my-pos=train.conllu,dev.conllu,test.conllu --column upos`;

export const recommendCommand: Command = {
  name: 'recommend',
  summary: 'rank a study\'s tasks as auxiliary tasks for a new main task (optionally train the top pairs)',
  help,
  async run(argv) {
    const { values, positionals } = parseFlags('recommend', argv, {
      study: { type: 'string' },
      task: { type: 'string' },
      column: { type: 'string' },
      top: { type: 'string' },
      verify: { type: 'string' },
      workers: { type: 'string' },
      'checkpoint-every': { type: 'string' },
    });
    if (positionals.length > 0) throw new TaskrelError(`taskrel recommend: unexpected '${positionals[0]}'; give the study as --study DIR`);
    if (values.study === undefined) throw new TaskrelError('taskrel recommend: --study STUDY_DIR is required, e.g. --study reports/demo');
    if (values.task === undefined) throw new TaskrelError('taskrel recommend: --task TASK is required (see taskrel recommend --help)');
    const top = integerFlag('recommend', 'top', values.top, { fallback: 10 });
    const verify = integerFlag('recommend', 'verify', values.verify, { fallback: 0 });
    const workers = integerFlag('recommend', 'workers', values.workers, { fallback: availableParallelism() });
    const checkpointEvery = checkpointEveryFlag('recommend', values['checkpoint-every']);
    const task = await parseTaskArgument(values.task, values.column);

    const pool = new LocalPool(workers, checkpointEvery);
    const progress = new StudyProgress(`recommend ${taskRefName(task)}`, localTrainers(workers));
    let interrupted = false;
    const onSignal = (): void => {
      interrupted = true;
      pool.stop();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    let recommendation: Recommendation;
    try {
      recommendation = await recommendForTask(values.study, task, {
        verify,
        executor: pool,
        listener: progress.listener(),
        onPrepare: (name) => void process.stderr.write(`preparing ${name} (first use)…\n`),
        onRanked: ({ ranked }) => {
          progress.close();
          if (verify === 0) return;
          const top = ranked.slice(0, 3).map((r) => `${r.aux} (${r.probability.toFixed(2)})`).join(', ');
          process.stderr.write(`ranked: ${top}${ranked.length > 3 ? ', …' : ''}; training pairs to verify…\n`);
        },
      });
    } catch (error) {
      if (!interrupted || !(error instanceof TaskrelError)) throw error;
      progress.close('interrupted');
      process.stderr.write(`interrupted: ${error.message}; run the same command again to continue.\n`);
      return 130;
    } finally {
      progress.close();
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    for (const line of describeRecommendation(recommendation, top)) console.log(line);
    const files = await writeRecommendation(values.study, recommendation);
    console.log(`\nwrote ${files.html} and ${files.json}`);
    return 0;
  },
};

/** The ranking, the trust statements and the verification, as the terminal shows them. */
export function describeRecommendation(recommendation: Recommendation, top: number): string[] {
  const { task, ranking, trust, notes } = recommendation;
  const lines = [
    `${task.name} (${task.kind}, ${task.sizes.train.toLocaleString('en-US')} training examples): single-task test F1 ${task.singleF1.toFixed(3)}`,
    '',
    `auxiliary tasks for ${task.name} from study ${recommendation.study}, most likely to help first:`,
  ];
  const verified = ranking.some((r) => r.verified !== null);
  const rows = ranking.slice(0, top).map((r) => {
    const v = r.verified;
    const measured = v === null ? '' : v.status === 'ok' ? `${formatGain(v.gain)} ${v.label === 1 ? 'gain' : 'no gain'}` : `not measured: ${v.reason}`;
    const pushed = pushedMost(r).map((c) => `${c.feature} ${c.contribution >= 0 ? '+' : '−'}${Math.abs(c.contribution).toFixed(2)}`).join(', ');
    return [String(r.rank), r.aux, r.probability.toFixed(2), ...(verified ? [measured] : []), pushed];
  });
  const header = ['rank', 'aux task', 'P(gain)', ...(verified ? ['measured gain'] : []), 'pushed most by'];
  lines.push(...alignedTable([header, ...rows], new Set([0, 2])));
  if (ranking.length > top) lines.push(`… and ${ranking.length - top} more (--top ${ranking.length}, or the page)`);
  lines.push('', 'how far to trust it:', `  ${heldOutPairsSentence(trust)}`, `  ${heldOutRankingSentence(trust.heldOut)}`);
  const verification = verificationSentence(recommendation);
  if (verification !== null) lines.push('', verification);
  lines.push(...notes.map((note) => `note: ${note}`));
  return lines;
}
