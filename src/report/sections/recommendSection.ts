import type { Recommendation } from '../../meta/recommendation.js';
import { newTaskFolder } from '../../study/newTaskRuns.js';
import { escapeHtml } from '../html.js';
import { recommendationFile, readRecommendations } from '../recommendationFiles.js';
import { heldOutTable } from '../recommendationTables.js';
import { heldOutRankingSentence } from '../recommendationText.js';
import type { ReportSection } from '../section.js';

/**
 * Recommending auxiliary tasks for a new task: how well the ranking would have done for each of the study's own
 * tasks (from pairs.csv, so for any analysed study), and the recommendations made with `taskrel recommend`.
 */
export const recommendSection = {
  id: 'recommend',
  title: 'Recommendations',
  render({ pairs, meta, replay, studyDir }) {
    const stored = readRecommendations(newTaskFolder(studyDir));
    if ((pairs === null || meta === null) && stored.length === 0) return null;
    const parts = [
      '<p class="lead"><code>taskrel recommend --study STUDY_DIR --task TASK [--aux CANDIDATE …]</code>, with this folder as STUDY_DIR, ranks candidate auxiliary tasks (by default the study’s own) for a task that is not in it, with the meta-model fitted on the study’s pairs.</p>',
    ];
    if (replay !== null) {
      parts.push(
        '<h3>Had each task been new</h3>',
        `<p class="lead">${escapeHtml(heldOutRankingSentence(replay))}</p>`,
        heldOutTable(replay),
      );
    } else if (pairs !== null && meta !== null) {
      parts.push(
        `<p>No replay.json (analysed by an earlier taskrel): <code>taskrel analyze ${escapeHtml(studyDir)}</code> replays the ranking on each task.</p>`,
      );
    }
    if (stored.length > 0) {
      const items = stored.map((s) =>
        'error' in s ? `<li>${escapeHtml(s.file)}: ${escapeHtml(s.error)}</li>` : `<li>${madeItem(s.recommendation)}</li>`,
      );
      parts.push('<h3>Recommendations made</h3>', `<ul class="downloads">\n${items.join('\n')}\n</ul>`);
    }
    return { html: parts.join('\n'), charts: [] };
  },
} satisfies ReportSection;

function madeItem({ main, ranking }: Recommendation): string {
  const page = `recommend/${recommendationFile(main.name, 'html')}`;
  const top = ranking
    .slice(0, 3)
    .map((r) => `${r.aux} (${r.probability.toFixed(2)})`)
    .join(', ');
  const measured = ranking.flatMap((r) => (r.verified?.status === 'ok' ? [r.verified] : []));
  const verified =
    measured.length === 0
      ? 'no pair trained'
      : `${measured.length} pair${measured.length === 1 ? '' : 's'} trained, ${measured.filter((v) => v.label === 1).length} gained`;
  return `<a href="${escapeHtml(encodeURI(page))}">${escapeHtml(main.name)}</a> — ${escapeHtml(`top: ${top}; ${verified}`)}`;
}
