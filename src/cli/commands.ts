import { analyzeCommand } from './analyze.js';
import type { Command } from './command.js';
import { importCommand } from './import.js';
import { reportCommand } from './report.js';
import { studyCommand } from './study.js';
import { tasksCommand } from './tasks.js';

export const commands: Command[] = [tasksCommand, studyCommand, reportCommand, analyzeCommand, importCommand];
