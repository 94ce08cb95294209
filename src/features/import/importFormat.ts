/**
 * The CSV files `taskrel import DIR` reads: runs and their curves and scores from any framework. Column names
 * are fixed; extra columns are an error (a misspelt column would otherwise be ignored silently).
 */
export const ImportFiles = {
  runs: 'runs.csv',
  curves: 'curves.csv',
  scores: 'scores.csv',
  taskFeatures: 'task_features.csv',
} as const;

export const RunsColumns = { required: ['run', 'tasks'], optional: ['seed'] } as const;
export const CurvesColumns = { required: ['run', 'task', 'step', 'loss'], optional: [] } as const;
export const ScoresColumns = { required: ['run', 'task', 'step', 'metric', 'value'], optional: [] } as const;
export const TaskFeaturesColumns = { required: ['task', 'feature', 'value'], optional: [] } as const;

/** Metrics scores.csv may hold; f1 is what gains are computed from. */
export const ImportMetrics = ['test_f1', 'test_accuracy', 'dev_f1', 'dev_accuracy'] as const;
export type ImportMetric = (typeof ImportMetrics)[number];

/** Which step's scores count for a head: the last step with scores, the best dev F1, or a given step. */
export type ScoreStep = 'last' | 'best-dev' | number;

/** Task names: letters, digits, `-`, `_`, `.` (no `+`, which joins the two tasks of a pair run). */
export const TaskNamePattern = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export const importFormatHelp = `Files in DIR (UTF-8 CSV with a header line):
  runs.csv           run,tasks[,seed]      one line per run: an id, one task (single-task run) or two joined
                                           by + (pair run, e.g. pos+ner), and the seed (default 1)
  curves.csv         run,task,step,loss    training-loss curve of each head, in the order it was logged;
                                           single-task curves give the curve features
  scores.csv         run,task,step,metric,value
                                           metric: test_f1, test_accuracy, dev_f1 or dev_accuracy (0–1);
                                           at the step that counts (--score-step) test_f1 and test_accuracy
                                           are needed, dev scores only for --score-step best-dev
  task_features.csv  task,feature,value    optional dataset features for data you cannot share: sentences,
                                           labels, tokens_per_type, oov_rate, label_entropy, frobenius_norm,
                                           js_divergence (any subset; the meta-model uses what every task has)
Steps are non-negative integers (training batches). Task names use letters, digits, - _ .
Logs are taken as they come, each with a note: a non-finite loss (nan, inf) is left out of its curve; where a
head's steps go back (a restarted run), the later attempt replaces the earlier points from that step on.`;
