import { View, parse } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * A chart as a standalone SVG, drawn by vega's headless view (no browser, no canvas package). Text widths
 * are estimated rather than measured, so labels may sit a pixel or two off the browser rendering.
 */
export async function renderFigureSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
