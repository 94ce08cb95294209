import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TopLevelSpec } from 'vega-lite';
import { chartSlot } from '../../src/report/chartSlot.js';
import { assemblePage, pageCharts } from '../../src/report/page.js';
import type { ReportChart, ReportSection } from '../../src/report/section.js';

const spec: TopLevelSpec = { data: { values: [{ a: 1 }] }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } } };
const chart: ReportChart = { id: 'first-chart', spec, figure: true };
const section = (id: string, title: string): ReportSection => ({ id, title, render: () => null });

function page(charts: ReportChart[]): string {
  return assemblePage({
    title: 'taskrel report — <study>',
    subtitle: 'pos & chunk',
    sections: [
      { section: section('one', 'First <section>'), rendered: { html: `<p>body one</p>${charts.map(chartSlot).join('')}`, charts } },
      { section: section('two', 'Second'), rendered: { html: '<p>body two</p>', charts: [] } },
    ],
    libraries: '<script data-library="stub"></script>',
    footer: 'made by a test',
  });
}

test('the page lists sections in order with a navigation link each, escaping their titles', () => {
  const html = page([chart]);
  assert.ok(html.startsWith('<!doctype html>'));
  assert.match(html, /<title>taskrel report — &#60;study&#62;<\/title>/);
  assert.match(html, /<nav><a href="#one">First &#60;section&#62;<\/a><a href="#two">Second<\/a><\/nav>/);
  assert.ok(html.indexOf('<section id="one">') < html.indexOf('<section id="two">'));
  assert.match(html, /<p>pos &#38; chunk<\/p>/);
});

test('chart specs travel in one JSON block keyed by chart id; each slot and its static-figure link are in the page', () => {
  const html = page([chart, { id: 'second', spec, figure: false }]);
  const json = /<script type="application\/json" id="taskrel-charts">(.*?)<\/script>/s.exec(html)?.[1];
  assert.ok(json !== undefined);
  assert.deepEqual(JSON.parse(json), { 'first-chart': spec, second: spec });
  assert.match(html, /<div class="chart" data-chart="first-chart"><\/div><figcaption>Static figure: <a href="figures\/first-chart\.svg">/);
  assert.match(html, /<div class="chart" data-chart="second"><\/div><\/figure>/);
  assert.ok(html.indexOf('data-library="stub"') < html.lastIndexOf('vegaEmbed('), 'libraries load before the page script');
});

test('chart ids must be unique and usable as file names', () => {
  const sections = (charts: ReportChart[]) => [{ section: section('s', 'S'), rendered: { html: '', charts } }];
  assert.throws(() => pageCharts(sections([chart, chart])), /used twice/);
  assert.throws(() => pageCharts(sections([{ ...chart, id: '../evil' }])), /must match/);
  assert.deepEqual(pageCharts(sections([chart])), [chart]);
});
