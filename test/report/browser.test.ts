import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { chromium, type Page } from 'playwright-core';
import { writeAffinityRecord } from '../../src/affinity/affinityFile.js';
import { writeReport } from '../../src/report/writeReport.js';
import { scoreStudyPredictors } from '../../src/workflows/predictors.js';
import { tinyAffinityRecord } from '../affinity/affinityFixture.js';
import { copyTinyStudy } from './tinyStudy.js';

const CHROMIUM = process.env.TASKREL_CHROMIUM ?? '/usr/bin/chromium';

/** Pairs of text elements in one chart whose boxes overlap by more than a sliver: unreadable labels. */
function overlappingTexts(page: Page): Promise<string[]> {
  return page.$$eval('[data-chart]', (slots) => {
    const problems: string[] = [];
    for (const chart of slots) {
      const boxes = [...chart.querySelectorAll('svg text')]
        // vega hides colliding axis labels with opacity 0 rather than removing them
        .filter((t) => (t.textContent ?? '').trim() !== '' && t.closest('[opacity="0"]') === null)
        .map((t) => ({ text: t.textContent ?? '', box: t.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && box.height > 0);
      for (const [i, a] of boxes.entries()) {
        for (const b of boxes.slice(i + 1)) {
          const w = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
          const h = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
          if (w > 2 && h > 2) problems.push(`${chart.getAttribute('data-chart')}: "${a.text}" overlaps "${b.text}"`);
        }
      }
    }
    return problems;
  });
}

test('the report opens from disk with the network blocked, draws every chart without console errors, and its text does not overlap', async (t) => {
  assert.ok(
    existsSync(CHROMIUM),
    `chromium not found at ${CHROMIUM}: .ci/run installs it (apt-get install chromium); or set TASKREL_CHROMIUM`,
  );
  const { studyDir, cacheDir, root } = copyTinyStudy();
  writeAffinityRecord(studyDir, tinyAffinityRecord());
  await scoreStudyPredictors(studyDir, { permutations: 99, resamples: 50, cacheDir });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const messages: string[] = [];
    const requested: string[] = [];
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && messages.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => messages.push(`page error: ${e.message}`));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      requested.push(url);
      return route.abort();
    });

    await page.goto(pathToFileURL(await writeReport(studyDir, { cacheDir })).href);
    await page.waitForFunction("document.body.getAttribute('data-charts') !== null", null, { timeout: 60_000 });
    assert.equal(await page.getAttribute('body', 'data-charts'), 'rendered');
    const charts = await page.$$eval('[data-chart]', (slots) =>
      slots.map((slot) => ({
        id: slot.getAttribute('data-chart'),
        rendered: slot.getAttribute('data-rendered'),
        marks: slot.querySelectorAll('svg .role-mark path, svg .role-mark line, svg .role-mark text').length,
        width: slot.querySelector('svg')?.getBoundingClientRect().width ?? 0,
      })),
    );
    assert.equal(charts.length, 13);
    for (const chart of charts) {
      assert.equal(chart.rendered, 'true', `${chart.id} rendered`);
      assert.ok(chart.marks > 0 && chart.width > 100, `${chart.id} drew marks: ${JSON.stringify(chart)}`);
    }

    // Hover a cell as a reader would: its centre, where the value is written (the sticky navigation bar must not cover it).
    const cell = page.locator('[data-chart="gain-matrix"] svg .role-mark text', { hasText: '%' }).first();
    await cell.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await cell.hover({ timeout: 10_000 });
    await page.waitForFunction("document.querySelector('#vg-tooltip-element.visible')?.textContent.includes('p-value')", null, {
      timeout: 10_000,
    });
    assert.match((await page.textContent('#vg-tooltip-element')) ?? '', /single-task F1.*pair F1.*95% CI of gain.*p-value/s);

    // vega redraws asynchronously after the drop-down changes the task signal
    await page.selectOption('[data-chart="learning-curves"] select', 'sentiment');
    const curveLabels = `[...document.querySelectorAll('[data-chart="learning-curves"] svg .role-mark path[aria-label]')].map((p) => p.getAttribute('aria-label'))`;
    await page.waitForFunction(`${curveLabels}.every((label) => label.includes('task: sentiment'))`, null, { timeout: 10_000 });
    const curves = await page.evaluate<string[]>(curveLabels);
    assert.ok(curves.length >= 8, `the sentiment curves are drawn (alone and with 3 partners, 2 panels): ${curves.length}`);

    assert.deepEqual(await overlappingTexts(page), []);
    assert.deepEqual(messages, []);
    assert.deepEqual(requested, []);
    await page.mouse.move(0, 0);
    await page.evaluate('window.scrollTo(0, 0)');
    // Kept (overwritten by the next run) so a person can check how the report reads.
    const screenshot = join(tmpdir(), 'taskrel-report-browser-test.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    t.diagnostic(`screenshot: ${screenshot}`);
  } finally {
    await browser.close();
    rmSync(root, { recursive: true, force: true });
  }
});
