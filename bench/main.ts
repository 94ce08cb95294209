import { checkpointBench } from './checkpointBench.js';
import { engineBench } from './engineBench.js';
import { recommendBench } from './recommendBench.js';
import { workersBench } from './workersBench.js';

/**
 * `npm run bench [-- SECTION ...]`: speed measured against a reference in the same run.
 *   engine       (default) the reference tagger's training step and BiLSTM op vs PyTorch on one thread
 *   checkpoints  (default) what checkpoints cost a demo pair run: size, write and load time, share of training time
 *   workers      the demo study with 1 and 2 worker processes (minutes)
 *   recommend    taskrel recommend for a main task and four candidates from scratch, against its 5-minute target
 *   all          all of them
 */
const sections: Record<string, () => Promise<void>> = {
  engine: engineBench,
  checkpoints: () => checkpointBench(),
  workers: () => workersBench(),
  recommend: recommendBench,
};

const asked = process.argv.slice(2);
const chosen = asked.length === 0 ? ['engine', 'checkpoints'] : asked.includes('all') ? Object.keys(sections) : asked;
for (const name of chosen) {
  const section = sections[name];
  if (section === undefined) {
    console.error(`unknown bench section '${name}'; expected one of ${[...Object.keys(sections), 'all'].join(', ')}`);
    process.exit(1);
  }
  await section();
  console.log();
}
