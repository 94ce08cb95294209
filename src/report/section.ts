import type { TopLevelSpec } from 'vega-lite';
import type { ReportContext } from './reportContext.js';

/** One vega-lite chart of a section, drawn in the page by vega-embed. */
export interface ReportChart {
  /** Unique in the page: names the chart's slot and its static figure `figures/<id>.svg`. */
  id: string;
  spec: TopLevelSpec;
  /** Also write `figures/<id>.svg`, for papers and READMEs (interactive charts show only their first state). */
  figure: boolean;
}

export interface RenderedSection {
  /** The section's body; charts appear where `chartSlot(chart)` was placed. */
  html: string;
  charts: ReportChart[];
}

/**
 * A part of the report. The page is the list of sections whose `render` returns something; a new analysis
 * (recommendations, affinity) adds a section to the registry and touches nothing else: a section that needs
 * a file of its own reads it from `context.studyDir` (see `readStudyFile`).
 */
export interface ReportSection {
  /** Anchor in the page (`#id`) and in the navigation. */
  id: string;
  title: string;
  /** null when the study has no data for this section yet (e.g. no meta-model). */
  render(context: ReportContext): RenderedSection | null | Promise<RenderedSection | null>;
}
