import { mean } from 'simple-statistics';
import type { RecommendTask } from '../meta/recommendation.js';
import { taskInfo } from '../report/taskInfo.js';
import { modelDefinition } from '../engine/models/modelTypes.js';
import type { RunResult } from '../study/runResult.js';
import { taskRefName } from '../study/taskRef.js';
import { builtinTask } from '../tasks/builtinTasks.js';
import type { Task } from '../tasks/task.js';
import type { KnowledgeStudy } from './knowledgeStudy.js';

/** A task trained for the recommendation, with the test F1 of its single-task runs among `runs`. */
export function trainedTask(task: Task, runs: readonly RunResult[]): RecommendTask {
  const singles = runs.filter((run) => run.kind === 'single' && run.tasks[0] === task.name);
  const { name, kind, description, source, sizes } = taskInfo(task);
  return {
    name,
    kind,
    description,
    source,
    sizes,
    singleF1: singles.length === 0 ? null : mean(singles.map((run) => run.heads[task.name]?.best.test.f1 ?? 0)),
    seeds: singles.length,
    runs: 'recommend',
  };
}

/** A knowledge-study task as the study's runs saw it: its capped training size (features.csv) and single-task F1 (gains.csv). */
export function studyTask(knowledge: KnowledgeStudy, name: string): RecommendTask {
  const ref = knowledge.spec.tasks.find((t) => taskRefName(t) === name);
  const declared = typeof ref === 'object' && 'description' in ref ? ref.description : undefined;
  const gain = knowledge.gains.find((g) => g.main === name);
  return {
    name,
    kind: modelDefinition(knowledge.spec.model).kind,
    description: declared ?? builtinTask(name)?.description ?? '',
    source: `study ${knowledge.spec.name}`,
    sizes: { train: knowledge.analysis.features.find((f) => f.task === name)?.values.sentences ?? 0, dev: null, test: null },
    singleF1: gain?.singleF1 ?? null,
    seeds: gain?.seeds ?? 0,
    runs: 'study',
  };
}

/** Smallest and largest training split among the knowledge study's tasks, as its runs saw them. */
export function trainRange(knowledge: KnowledgeStudy): { min: number; max: number } | null {
  const sizes = knowledge.analysis.features.flatMap((f) => (f.values.sentences === undefined ? [] : [f.values.sentences]));
  return sizes.length === 0 ? null : { min: Math.min(...sizes), max: Math.max(...sizes) };
}
