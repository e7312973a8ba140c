/**
 * The scorecard and the dashboard end to end in Chromium: three fixture reports are saved on visit, the
 * scores shown in library.html#scores are compared with values worked out by hand from the pages and the
 * weights in utils/score/scorecard.ts (WEIGHTS: onTime 20, section 3 × 6, table 4 × 3, dataLogic 30 − 10 per
 * error − 3 per warning, copied 10, each ratio 5; what cannot be judged is 0 of 0); the explanation lists
 * every item; the CSV download carries the same scores; the dashboard draws its charts and a bar's table
 * link filters the scorecard.
 */
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type FixtureServer, GOV_HOST } from './lib/server';
import { type DriverOf, useBrowser } from './lib/session';

type Launched = DriverOf<'chromium'>;

/**
 * By hand, from the pages (test/fixtures/README.md and the pages themselves):
 *
 * clean-2021.html — 北溪县卫生健康局 2022, a department, published 2023-01-18 ≤ 2023-01-31: on time 20/20; six
 *   sections 18/18; three tables 12/12; all relations hold, no other year of the agency saved: no findings,
 *   data logic 30/30; no 2021 report saved: copied 0/0; 表四 纠正 1 of 3 + 0 of 2 + 0 of 1 = 1/6 = 16.7% ≤ 20%:
 *   5/5; 表三 总计 予以公开 25 + 部分公开 5 of 办结 50 = 60% ≥ 50%: 5/5.
 *   20 + 18 + 12 + 30 + 0 + 5 + 5 = 90 of 20 + 18 + 12 + 30 + 0 + 5 + 5 = 90.
 *
 * agency-a-2021.html — 江源县农业农村局 2021, department, published 2022-01-20 ≤ 2022-01-31: 20/20; 18/18; 12/12.
 *   Its 四、结转下年度 [2,1,0,0,0,0,3] against 2022's 二、上年结转 [2,0,0,0,0,0,2] differs in 商业企业 and 总计,
 *   but a cross-year gap belongs to the later year (issue 21): no finding here, data logic 30/30.
 *   No 2020 saved: copied 0/0. 表四 all 0: 纠错率 not computable, 0/0. 公开率 (7 + 1) / 13 = 61.5%: 5/5.
 *   20 + 18 + 12 + 30 + 0 + 0 + 5 = 85 of 20 + 18 + 12 + 30 + 0 + 0 + 5 = 85.
 *
 * agency-a-2022.html — same agency 2022, published 2023-01-16 ≤ 2023-01-31: 20/20; 18/18; 12/12; the same two
 *   carry-over errors (the gap above, reported on this later year): 10/30. 2021 saved: the two share only boilerplate (the opening sentence and the
 *   statistics period; every other sentence has this year's numbers or new words), well under 60%: 10/10.
 *   表四 复议 纠正 0 of 1, 诉讼 0: 0% ≤ 20%: 5/5. 公开率 (12 + 2) / 22 = 63.6%: 5/5.
 *   20 + 18 + 12 + 10 + 10 + 5 + 5 = 80 of 20 + 18 + 12 + 30 + 10 + 5 + 5 = 100.
 */
const EXPECTED = {
  'clean-2021': {
    agency: '北溪县卫生健康局',
    year: 2022,
    points: 90,
    max: 90,
    percent: '100%',
    errors: 0,
    warnings: 0,
    correction: '16.7%',
    disclosure: '60%',
  },
  'agency-a-2021': {
    agency: '江源县农业农村局',
    year: 2021,
    points: 85,
    max: 85,
    percent: '100%',
    errors: 0,
    warnings: 0,
    correction: '',
    disclosure: '61.5%',
  },
  'agency-a-2022': {
    agency: '江源县农业农村局',
    year: 2022,
    points: 80,
    max: 100,
    percent: '80%',
    errors: 2,
    warnings: 0,
    correction: '0%',
    disclosure: '63.6%',
  },
} as const;
type Key = keyof typeof EXPECTED;

interface ShownRow {
  id: string;
  agency: string;
  year: string;
  points: number;
  max: number;
}

async function shownRows(page: Page): Promise<ShownRow[]> {
  return page.$$eval('[data-score-row]', (rows) =>
    rows.map((r) => {
      const cells = r.querySelectorAll('tr:first-child > td');
      const score = r.querySelector('[data-score]')!;
      return {
        id: r.getAttribute('data-report-id')!,
        agency: cells[0]!.textContent!.trim(),
        year: cells[2]!.textContent!.trim(),
        points: Number(score.getAttribute('data-score')),
        max: Number(score.getAttribute('data-score-max')),
      };
    }),
  );
}

const keyOf = (r: Pick<ShownRow, 'agency' | 'year'>): Key | undefined =>
  (Object.keys(EXPECTED) as Key[]).find((k) => EXPECTED[k].agency === r.agency && String(EXPECTED[k].year) === r.year);

describe('scorecard and dashboard (Chromium)', () => {
  let server: FixtureServer;
  let browser: Launched;
  let library: Page;

  useBrowser('chromium', (s) => ({ server, driver: browser } = s));

  it('shows each saved report’s score as worked out by hand', async () => {
    for (const name of ['agency-a-2021', 'agency-a-2022', 'clean-2021']) {
      const page = await browser.open(server.url(GOV_HOST, `/${name}.html`));
      await page
        .waitFor(() => !!document.querySelector('report-lens')?.shadowRoot?.textContent?.match(/已保存|Saved/), undefined, 20_000)
        .catch(() => undefined);
    }
    library = await browser.context.newPage();
    await library.goto(`${browser.extensionOrigin}/library.html#scores`);
    await library.waitForSelector('[data-testid="scores-view"]', { timeout: 30_000 });
    // Each report's score arrives once it is saved (2022 is saved after 2021 and sees it at once): wait for them.
    await library.waitForFunction(
      () => {
        const rows = document.querySelectorAll('[data-score-row]');
        return rows.length === 3 && [...rows].every((r) => r.querySelector('[data-score]'));
      },
      undefined,
      { timeout: 45_000 },
    );
    let rows: ShownRow[] = [];
    const deadline = Date.now() + 15_000;
    do {
      rows = await shownRows(library);
      if (rows.every((r) => keyOf(r) && EXPECTED[keyOf(r)!].points === r.points)) break;
      await new Promise((r) => setTimeout(r, 250));
    } while (Date.now() < deadline);
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      const k = keyOf(r);
      expect(k, `${r.agency} ${r.year}`).toBeDefined();
      expect({ key: k, points: r.points, max: r.max }).toEqual({ key: k, points: EXPECTED[k!].points, max: EXPECTED[k!].max });
    }
    // The findings column agrees with the errors counted by hand (so a score difference is traced to its cause).
    const findings = await library.$$eval('[data-score-row]', (rs) =>
      rs.map((r) => r.querySelectorAll('tr:first-child > td')[5]!.textContent!.replace(/\s/g, '')),
    );
    expect(findings.sort()).toEqual(['0/0', '0/0', '2/0']);
    // Sorted by the share of the maximum, highest first, by default: 90/90 = 100%, 85/85 = 100% (equal shares:
    // the larger maximum first), 80/100 = 80% (maximums differ: what cannot be judged is 0 of 0), and the share
    // is what the cell shows.
    const shares = await library.$$eval('[data-score-row] [data-score]', (els) =>
      els.map((e) => [e.getAttribute('data-score-share'), e.textContent!.trim()]),
    );
    expect(shares).toEqual([
      ['100', '100%'],
      ['100', '100%'],
      ['80', '80%'],
    ]);
    expect(rows.map((r) => r.points)).toEqual([90, 85, 80]);
  });

  it('explains every point of a score', async () => {
    const row = library.locator('[data-score-row]').filter({ hasText: '2021' }).filter({ hasText: '江源县农业农村局' });
    await row.locator('[data-action="explain-score"]').click();
    const explain = row.locator('[data-score-explain]');
    await explain.waitFor();
    const items = await explain
      .locator('[data-criterion]')
      .evaluateAll((els) =>
        els.map((e) => [e.getAttribute('data-criterion'), Number(e.getAttribute('data-points')), Number(e.getAttribute('data-max'))]),
      );
    expect(items).toEqual([
      ['onTime', 20, 20],
      ['sections', 18, 18],
      ['tables', 12, 12],
      ['dataLogic', 30, 30],
      ['copied', 0, 0],
      ['correctionRate', 0, 0],
      ['disclosureRate', 5, 5],
    ]);
    const text = await explain.textContent();
    // The points stay in the explanation, the cell shows the share.
    expect(await explain.locator('[data-score-total]').textContent()).toContain('85 / 满分 85');
    expect(text).toContain('2022-01-20');
    expect(text).toContain('2022-01-31');
    // The gap with 2022 is 2022's finding, not this year's.
    expect(text).not.toContain('错误 2 个');
    expect(text).toContain('61.5%');
  });

  it('sorts by a column header and filters by year through the hash', async () => {
    await library.click('[data-sort="year"]');
    let years = await library.$$eval('[data-score-row]', (rs) => rs.map((r) => r.querySelectorAll('tr:first-child > td')[2]!.textContent));
    expect(years).toEqual(['2022', '2022', '2021']);
    await library.click('[data-sort="year"]');
    years = await library.$$eval('[data-score-row]', (rs) => rs.map((r) => r.querySelectorAll('tr:first-child > td')[2]!.textContent));
    expect(years).toEqual(['2021', '2022', '2022']);
    await library.selectOption('[data-filter="year"]', '2022');
    await library.waitForFunction(() => document.querySelectorAll('[data-score-row]').length === 2);
    expect(await library.evaluate(() => location.hash)).toBe('#scores?year=2022');
    await library.selectOption('[data-filter="year"]', '');
    await library.waitForFunction(() => document.querySelectorAll('[data-score-row]').length === 3);
  });

  it('exports the scores as CSV for Excel', async () => {
    const [download] = await Promise.all([library.waitForEvent('download'), library.click('[data-action="export-scores"]')]);
    expect(download.suggestedFilename()).toMatch(/^report-lens-scores-.*\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.data).toHaveLength(3);
    for (const line of parsed.data) {
      const k = keyOf({ agency: line['机构 agency']!, year: line['年度 year']! })!;
      expect(k).toBeDefined();
      const e = EXPECTED[k];
      expect([
        line['得分 score'],
        line['满分 max'],
        line['得分率 percent'],
        line['错误 errors'],
        line['纠错率 correctionRate'],
        line['公开率 disclosureRate'],
      ]).toEqual([String(e.points), String(e.max), e.percent, String(e.errors), e.correction, e.disclosure]);
    }
  });

  it('draws the dashboard’s charts, and a chart’s table links to the reports it counts', async () => {
    await library.click('[data-testid="tab-dashboard"]');
    await library.waitForSelector('canvas[data-chart="reports-by-region-year"]');
    // Chart.js (responsive) clears a canvas when its box is resized and redraws it on the next frame; under load the
    // first look can fall between the two. So look until every canvas holds paint, or for 10 s; then judge the last look.
    const look = () =>
      library.$$eval('canvas[data-chart]', (cs) =>
        cs.map((c) => {
          const canvas = c as HTMLCanvasElement;
          // Drawn: some pixel is not transparent.
          const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
          let painted = 0;
          for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++;
          return { name: canvas.dataset.chart, width: canvas.width, painted };
        }),
      );
    let charts = await look();
    for (const until = Date.now() + 10_000; charts.some((c) => c.painted <= 100) && Date.now() < until; charts = await look()) {
      await library.waitForTimeout(100);
    }
    expect(charts.map((c) => c.name).sort()).toEqual([
      'error-share-by-year',
      'hist-applications',
      'hist-correction-rate',
      'hist-disclosure-rate',
      'on-time-by-year',
      'reports-by-region-year',
    ]);
    for (const c of charts) {
      expect(c.width, c.name).toBeGreaterThan(0);
      expect(c.painted, c.name).toBeGreaterThan(100);
    }
    // Share with errors by year: 2021: 0 of 1 (agency-a-2021: the gap is 2022's); 2022: 1 of 2 (agency-a-2022; clean-2021 has none).
    const label = await library.getAttribute('canvas[data-chart="error-share-by-year"]', 'aria-label');
    expect(label).toContain('2021 0%');
    expect(label).toContain('2022 50%');
    // The table beside the chart links the 2022 bar to the scorecard filtered to those reports.
    const figure = library.locator('[data-figure-chart="error-share-by-year"]');
    await figure.locator('summary').click();
    await figure.locator('a', { hasText: '1 / 2' }).click();
    await library.waitForFunction(() => document.querySelectorAll('[data-score-row]').length === 1);
    expect(await library.evaluate(() => location.hash)).toBe('#scores?year=2022&errors=1');
    const [only] = await shownRows(library);
    expect(keyOf(only!)).toBe('agency-a-2022');
  });

  it('a report whose tables are all pictures loses no data-logic points, is marked 无法核对, and ranks by its share', async () => {
    // seed-004.html (test/fixtures/README.md): 平邑县卫生健康局 2023, six sections, all three tables pasted as
    // images, a department published on time. By hand: on time 20/20; sections 18/18; tables: pictures, 0/0;
    // data logic: nothing the tool could read, 0/0 (the three "published as an image" errors cost nothing);
    // no previous year, no readable cases: 0/0 each. 38 of 38 = 100%: by raw points it would rank last (38),
    // by share it ranks with the full marks, after 90/90 and 85/85 (equal shares: the larger maximum first).
    const page = await browser.open(server.url(GOV_HOST, '/seed-004.html'));
    await page
      .waitFor(() => !!document.querySelector('report-lens')?.shadowRoot?.textContent?.match(/已保存|Saved/), undefined, 20_000)
      .catch(() => undefined);
    await library.evaluate(() => (location.hash = '#scores'));
    await library.waitForFunction(() => document.querySelectorAll('[data-score-row]').length === 4, undefined, { timeout: 45_000 });
    const rows = await shownRows(library);
    expect(rows.map((r) => [r.agency, r.points, r.max])).toEqual([
      ['北溪县卫生健康局', 90, 90],
      ['江源县农业农村局', 85, 85],
      ['平邑县卫生健康局', 38, 38],
      ['江源县农业农村局', 80, 100],
    ]);
    const row = library.locator('[data-score-row]').filter({ hasText: '平邑县卫生健康局' });
    expect(await row.locator('[data-not-checkable]').textContent()).toBe('无法核对');
    await row.locator('[data-action="explain-score"]').click();
    await row.locator('[data-score-explain]').waitFor();
    const items = await row
      .locator('[data-criterion]')
      .evaluateAll((els) =>
        els.map((e) => [e.getAttribute('data-criterion'), Number(e.getAttribute('data-points')), Number(e.getAttribute('data-max'))]),
      );
    expect(items).toEqual([
      ['onTime', 20, 20],
      ['sections', 18, 18],
      ['tables', 0, 0],
      ['dataLogic', 0, 0],
      ['copied', 0, 0],
      ['correctionRate', 0, 0],
      ['disclosureRate', 0, 0],
    ]);
    expect(await row.locator('[data-criterion="dataLogic"]').textContent()).toContain('无法核对');
  });
});
