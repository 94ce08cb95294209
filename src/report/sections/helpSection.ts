import { buildHelpBarsSpec } from '../charts/helpBars.js';
import { summarizeHelp } from '../charts/helpSummary.js';
import { chartSlot } from '../chartSlot.js';
import type { ReportChart, ReportSection } from '../section.js';

/** The gain matrix read by its margins: good auxiliaries, and main tasks that profit from company. */
export const helpSection = {
  id: 'helps',
  title: 'Which tasks help',
  render({ gains, spec }) {
    if (gains.length === 0) return null;
    const significantOnly = spec.analysis.significantOnly && spec.seeds.length > 1;
    const charts: ReportChart[] = (['aux', 'main'] as const).map((role) => ({
      id: `helps-${role}`,
      spec: buildHelpBarsSpec(summarizeHelp(gains, role, { significantOnly }), role, significantOnly),
      figure: true,
    }));
    return { html: charts.map(chartSlot).join('\n'), charts };
  },
} satisfies ReportSection;
