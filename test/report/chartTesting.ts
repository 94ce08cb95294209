import assert from 'node:assert/strict';
import { View, Warn, logger as vegaLogger, parse, type Spec } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** Compiles with vega-lite and fails on any compiler warning (vega-lite warns instead of failing on many mistakes). */
export function compileStrict(spec: TopLevelSpec): Spec {
  const warnings: string[] = [];
  const logger = vegaLogger(Warn, undefined, (_method, level, input) => warnings.push(`${level}: ${input.map(String).join(' ')}`));
  const compiled = compile(spec, { logger }).spec;
  assert.deepEqual(warnings, [], 'vega-lite compiled the spec with warnings');
  return compiled;
}

/** A headless vega view of the spec, already run, so tests can read scales, signals and data. */
export async function headlessView(spec: TopLevelSpec): Promise<View> {
  const view = new View(parse(compileStrict(spec)), { renderer: 'none' });
  await view.runAsync();
  return view;
}

/** `rgb(r, g, b)` or `#rrggbb` → [r, g, b]. */
export function rgb(color: string): [number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (hex) return [parseInt(hex[1], 16), parseInt(hex[2], 16), parseInt(hex[3], 16)];
  const fn = /^rgb\((\d+), ?(\d+), ?(\d+)\)$/.exec(color);
  if (fn) return [Number(fn[1]), Number(fn[2]), Number(fn[3])];
  throw new Error(`not a colour: ${color}`);
}
