/**
 * The hand-written 青石区 pages (test/fixtures/hierarchy/, also used end to end) through the parser and the
 * library service: once the three bodies are marked under the district government, its report gets one
 * hierarchy-sum warning per figure that does not add up. Expected values read from the pages by hand:
 * 一 30 against 14 + 9 + 4 = 27; （一）予以公开 18 against 8 + 5 + 2 = 15; （七）总计 30 against 14 + 9 + 4 = 27.
 * 二 (3 = 1 + 2 + blank), （二） (3 = 2 + 1 + blank), 四 (3 = 1 + 2 + blank) and 表四's totals (2, 1, 0) add up.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToDocument } from '../../../cli/dom';
import { LibraryService } from '../../../entrypoints/background/library';
import { getReport, openLibrary } from '../../../utils/library/store';
import { checkDocument } from '../../../utils/pipeline';
import { renderFinding } from '../../../utils/rules';
import { dbName } from '../library/builder';

const DIR = join(__dirname, '../../fixtures/hierarchy');
const PAGES = ['district', 'education', 'health', 'street'] as const;

describe('the 青石区 fixtures', () => {
  it('the district report differs from its three bodies’ sum on 一, 予以公开 and （七）, by 3 each', async () => {
    const svc = new LibraryService(() => openLibrary(dbName()));
    const ids: Record<string, number> = {};
    for (const name of PAGES) {
      const url = `http://www.example.gov.cn/hierarchy/${name}-2023.html`;
      const { report, findings } = checkDocument(htmlToDocument(readFileSync(join(DIR, `${name}-2023.html`), 'utf8')), { url });
      expect(report.isReport).toBe(true);
      expect(report.meta.year).toBe(2023);
      ids[name] = (await svc.save({ report, findings, url })).id;
    }
    for (const child of ['青石区教育局', '青石区卫生健康局', '青石区城关街道办事处']) await svc.markChild('青石区人民政府', child);
    await svc.idle();
    const district = (await getReport(await svc.library(), ids.district!))!;
    const found = district.findings.filter((f) => f.rule === 'hierarchy-sum').map((f) => renderFinding(f, 'zh-Hans'));
    // Children in 拼音 order: 城关 (chéng), 教育 (jiào), 卫生 (wèi).
    expect(found).toEqual([
      '“一、本年新收申请·总计”：本报告为 30，3 个下级报告合计 27（青石区城关街道办事处 4、青石区教育局 14、青石区卫生健康局 9）',
      '“（一）予以公开·总计”：本报告为 18，3 个下级报告合计 15（青石区城关街道办事处 2、青石区教育局 8、青石区卫生健康局 5）',
      '“（七）总计·总计”：本报告为 30，3 个下级报告合计 27（青石区城关街道办事处 4、青石区教育局 14、青石区卫生健康局 9）',
    ]);
    for (const name of ['education', 'health', 'street']) {
      expect((await getReport(await svc.library(), ids[name]!))!.findings.filter((f) => f.rule === 'hierarchy-sum')).toEqual([]);
    }
  });
});
