import { affinityCommand } from './affinity.js';
import { analyzeCommand } from './analyze.js';
import type { Command } from './command.js';
import { importCommand } from './import.js';
import { predictorsCommand } from './predictors.js';
import { recommendCommand } from './recommend.js';
import { reportCommand } from './report.js';
import { studyCommand } from './study.js';
import { tasksCommand } from './tasks.js';
import { workerCommand } from './worker.js';

export const commands: Command[] = [
  tasksCommand,
  studyCommand,
  workerCommand,
  reportCommand,
  analyzeCommand,
  importCommand,
  recommendCommand,
  affinityCommand,
  predictorsCommand,
];
