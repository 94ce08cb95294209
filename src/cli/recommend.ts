import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { TaskrelError } from '../errors.js';
import type { Recommendation } from '../meta/recommendation.js';
import { cellText, rankingContent, verificationContent } from '../report/recommendationTables.js';
import {
  costSentence,
  heldOutPairsSentence,
  outsideRangeLine,
  rangeText,
  singleScore,
  sizePosition,
  trustSentence,
  verificationSentence,
} from '../report/recommendationText.js';
import { LocalPool } from '../study/localPool.js';
import { taskRefName } from '../study/taskRef.js';
import { SHIPPED_STUDY } from '../workflows/knowledgeStudy.js';
import { DEFAULT_OUT, DEFAULT_SEEDS, type RecommendResult, recommend } from '../workflows/recommend.js';
import { AFFINITY_PHASE } from '../workflows/recommendPredictors.js';
import { progressPrinter } from './affinity.js';
import { alignedTable } from './alignedTable.js';
import { checkpointEveryFlag, checkpointHelp } from './checkpointFlag.js';
import type { Command } from './command.js';
import { integerFlag, parseFlags } from './parseFlags.js';
import { StudyProgress, localTrainers } from './studyProgress.js';
import { parseTaskArgument, taskArgumentHelp } from './taskArgument.js';
import { announcePreparing, interruptible } from './terminal.js';

const help = `usage: taskrel recommend --task MAIN [--aux CANDIDATE …] [--study STUDY_DIR] [--seeds N|all] [--affinity]
                         [--verify K [--verify-seeds all]] [--column COL] [--out DIR] [--top K] [--workers N]
                         [--checkpoint-every S]

Which of your candidate auxiliary tasks should MAIN be trained with? Trains MAIN and every candidate alone with
the knowledge study's single-task settings (model, optimiser, budget, evaluation), each at its own size, computes
their dataset and learning-curve features, and ranks the candidates by the meta-model fitted on the knowledge
study's pairs: P(gain), a predicted gain with an interval, the features that pushed each most, and every other
predictor's rank, each with how far it is trusted on the knowledge study. Runs are kept and reused by the next call.

The knowledge study is the ${SHIPPED_STUDY} study shipped with taskrel unless --study names another analysed study
folder. Without --aux the candidates are the knowledge study's own tasks (at its caps). Writes
recommend-MAIN.html and .json beside the runs: in ${DEFAULT_OUT}/ (under the current folder) for the shipped
study, in STUDY_DIR/recommend/ for --study, or in --out DIR.

${taskArgumentHelp}

options:
  --task TASK       the main task (see above)
  --aux TASK        a candidate auxiliary task (repeat the flag for each)
  --study DIR       the knowledge study: a folder trained and analysed by taskrel (default: the shipped ${SHIPPED_STUDY})
  --seeds N|all     seeds of the single-task runs: the study's first N (default ${DEFAULT_SEEDS}: main task + 4 candidates
                    in 2–3 minutes on 2 cores) or all of them (steadier curve features)
  --affinity        also one joint run over MAIN and the candidates for TAG's lookahead affinity (a column)
  --verify K        also train MAIN with the top K candidates and the bottom one, and print predicted against
                    measured gains
  --verify-seeds S  seeds of those runs: same (the single-task runs', default) or all (the study's)
  --column COL      the CoNLL-U column with the labels, for NAME=… .conllu files
  --out DIR         folder of the runs and the recommend-MAIN files (see above)
  --top K           print the K most recommended (default 10; the page lists all)
  --workers N       parallel worker processes (default: one per core, ${availableParallelism()} here)
${checkpointHelp(18)}

examples:
  taskrel recommend --task ewt-mwe --aux gum-ner --aux ewt-chunk --aux gum-wiki --aux ewt-upos
  taskrel recommend --task my-ner=ner/train.conll,ner/dev.conll,ner/test.conll --aux ewt-chunk --aux my-pos.json --verify 1
  taskrel recommend --study reports/demo --task ewt-xpos`;

export const recommendCommand: Command = {
  name: 'recommend',
  summary: 'rank candidate auxiliary tasks for a main task from a knowledge study (optionally train the top pairs)',
  help,
  async run(argv) {
    const { values, positionals } = parseFlags('recommend', argv, {
      study: { type: 'string' },
      task: { type: 'string' },
      aux: { type: 'string', multiple: true },
      column: { type: 'string' },
      seeds: { type: 'string' },
      affinity: { type: 'boolean' },
      verify: { type: 'string' },
      'verify-seeds': { type: 'string' },
      out: { type: 'string' },
      top: { type: 'string' },
      workers: { type: 'string' },
      'checkpoint-every': { type: 'string' },
    });
    if (positionals.length > 0)
      throw new TaskrelError(`taskrel recommend: unexpected '${positionals[0]}'; give the main task as --task TASK`);
    if (values.task === undefined) throw new TaskrelError('taskrel recommend: --task TASK is required (see taskrel recommend --help)');
    const top = integerFlag('recommend', 'top', values.top, { fallback: 10 });
    const verify = integerFlag('recommend', 'verify', values.verify, { min: 0, fallback: 0 });
    const workers = integerFlag('recommend', 'workers', values.workers, { fallback: availableParallelism() });
    const checkpointEvery = checkpointEveryFlag('recommend', values['checkpoint-every']);
    const seeds = values.seeds === 'all' ? 'all' : integerFlag('recommend', 'seeds', values.seeds, { fallback: DEFAULT_SEEDS });
    const verifySeeds = values['verify-seeds'] ?? 'same';
    if (verifySeeds !== 'same' && verifySeeds !== 'all')
      throw new TaskrelError(`taskrel recommend: --verify-seeds ${verifySeeds}: expected same or all`);
    // --column belongs to every task given as NAME=… CoNLL-U files (others name their column in a JSON spec).
    const takesColumn = (value: string): boolean => value.includes('=') && /\.conllu(,|$)/i.test(value);
    if (values.column !== undefined && ![values.task, ...(values.aux ?? [])].some(takesColumn)) {
      throw new TaskrelError(`--column ${values.column}: only for a task given as NAME=TRAIN,DEV,TEST .conllu files`);
    }
    const parse = (value: string, flag: string) => parseTaskArgument(value, takesColumn(value) ? values.column : undefined, flag);
    const main = await parse(values.task, '--task');
    const candidates: Awaited<ReturnType<typeof parse>>[] = [];
    for (const aux of values.aux ?? []) candidates.push(await parse(aux, '--aux'));

    const pool = new LocalPool(workers, checkpointEvery);
    const progress = new StudyProgress(`recommend ${taskRefName(main)}`, localTrainers(workers));
    const affinity = progressPrinter();
    let interrupted = false;
    let phase = 'single-task runs';
    const onSignal = (): void => {
      interrupted = true;
      // The joint run trains in this process and cannot be resumed: stop at once (finished runs are kept).
      if (phase === AFFINITY_PHASE) {
        affinity.close();
        process.stderr.write('interrupted during the affinity run; run the same command again to continue.\n');
        process.exit(130);
      }
      pool.stop();
    };
    let result: RecommendResult;
    try {
      result = await interruptible(onSignal, () =>
        recommend(
          {
            study: values.study,
            main,
            candidates,
            seeds,
            predictors: values.affinity ? ['affinity'] : [],
            verify,
            verifySeeds: verifySeeds === 'all' ? 'all' : 'singles',
            out: values.out,
          },
          {
            executor: pool,
            listener: progress.listener(),
            onPrepare: announcePreparing,
            onPhase: (next) => {
              phase = next;
              progress.close();
              process.stderr.write(`${next}…\n`);
            },
            onAffinityProgress: affinity.update,
          },
        ),
      );
    } catch (error) {
      if (!interrupted || !(error instanceof TaskrelError)) throw error;
      progress.close('interrupted');
      process.stderr.write(`interrupted: ${error.message}; run the same command again to continue.\n`);
      return 130;
    } finally {
      progress.close();
      affinity.close();
    }
    for (const line of describeRecommendation(result.recommendation, top)) console.log(line);
    const shown = (file: string): string => (relative(process.cwd(), file).startsWith('..') ? file : relative(process.cwd(), file));
    console.log(`\nwrote ${shown(result.files.html)} and ${shown(result.files.json)}`);
    return 0;
  },
};

/** The tasks, the ranking table, the trust of each column, the verification and the cost, as the terminal shows them. */
export function describeRecommendation(recommendation: Recommendation, top: number): string[] {
  const { main, candidates, knowledge, ranking, outsideRange, predictors, notes } = recommendation;
  const range = knowledge.trainRange === null ? '' : ` (the study's tasks have ${rangeText(knowledge.trainRange)})`;
  const taskRow = (role: string, t: Recommendation['main']): string[] => [
    role,
    t.name,
    Math.round(t.sizes.train).toLocaleString('en-US'),
    sizePosition(t.sizes.train, knowledge.trainRange),
    singleScore(t),
  ];
  const lines = [
    `training examples${range}:`,
    ...alignedTable([taskRow('main', main), ...candidates.map((c) => taskRow('aux', c))], new Set([2])).map((l) => `  ${l}`),
    '',
    `candidates for ${main.name} by the meta-model of study ${knowledge.study} (${recommendation.model.trainingPairs} pairs), most likely to help first:`,
  ];
  const { columns, rows } = rankingContent(recommendation);
  const numeric = new Set(columns.flatMap((c, i) => (c.numeric ? [i] : [])));
  lines.push(...alignedTable([columns.map((c) => c.label), ...rows.slice(0, top).map((row) => row.map(cellText))], numeric));
  if (ranking.length > top) lines.push(`… and ${ranking.length - top} more (--top ${ranking.length}, or the page)`);
  if (outsideRange.length > 0) {
    lines.push(
      '',
      "outside the study's range, in units of that range (the models extrapolate there; all on the page):",
      ...outsideRange.map((o) => `  ${outsideRangeLine(o)}`),
    );
  }
  lines.push(
    '',
    `how far to trust each column (measured on study ${knowledge.study}):`,
    ...predictors.map((p) => `  ${trustSentence(p)}`),
    `  ${heldOutPairsSentence(recommendation.trust)}`,
  );
  const verification = verificationContent(recommendation);
  if (verification !== null) {
    const numericVerified = new Set(verification.columns.flatMap((c, i) => (c.numeric ? [i] : [])));
    lines.push(
      '',
      'predicted against measured (--verify):',
      ...alignedTable([verification.columns.map((c) => c.label), ...verification.rows.map((r) => r.map(cellText))], numericVerified),
    );
    lines.push(verificationSentence(recommendation) ?? '');
  }
  lines.push('', ...notes.map((note) => `note: ${note}`), costSentence(recommendation));
  return lines;
}
