import { writeReport } from '../report/writeReport.js';
import type { Command } from './command.js';
import { onePositional, parseFlags } from './parseFlags.js';
import { announcePreparing } from './terminal.js';

const help = `usage: taskrel report STUDY_DIR

Writes STUDY_DIR/index.html from the study folder's files (study.json, runs/, gains.csv, and features.csv,
pairs.csv, meta.json once the analysis ran), and static SVGs of the main charts to STUDY_DIR/figures/.
The page embeds its chart libraries, so it opens from disk without a network; move or zip the folder freely.
A study writes its report when it finishes; run this after re-running the analysis or to refresh an old report.

example:
  taskrel report reports/demo`;

export const reportCommand: Command = {
  name: 'report',
  summary: 'write the HTML report of a study folder',
  help,
  async run(argv) {
    const { positionals } = parseFlags('report', argv, {});
    const dir = onePositional('report', positionals, 'study folder', 'taskrel report reports/demo');
    const page = await writeReport(dir, { onPrepare: announcePreparing });
    console.log(`report: ${page}`);
    return 0;
  },
};
