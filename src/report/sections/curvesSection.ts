import { curvePoints } from '../charts/curvePoints.js';
import { buildLearningCurvesSpec } from '../charts/learningCurves.js';
import { chartSlot } from '../chartSlot.js';
import type { ReportChart, ReportSection } from '../section.js';

/** How each task trained alone and in each pair: the raw material of the curve features. */
export const curvesSection = {
  id: 'curves',
  title: 'Learning curves',
  render({ runs, tasks }) {
    const points = curvePoints(runs);
    if (points.length === 0) return null;
    const chart: ReportChart = {
      id: 'learning-curves',
      spec: buildLearningCurvesSpec(
        points,
        tasks.map((t) => t.name),
      ),
      figure: false,
    };
    const lead =
      'Pick a task to see its training loss and dev F1 alone and next to each auxiliary task. ' +
      'A pair run draws a batch of either task at each step, so its x axis runs over both tasks’ batches.';
    return { html: `<p class="lead">${lead}</p>\n${chartSlot(chart)}`, charts: [chart] };
  },
} satisfies ReportSection;
