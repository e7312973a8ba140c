/**
 * The hierarchy in the library service: a government's report checked against the children the user marked
 * under it (rule hierarchy-sum, through the one writer), re-checked when a mark or a child changes, and the
 * same findings for a tab's report. Real rules, fake-indexeddb. Figures below are chosen by hand.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { withLibrary } from '../../../entrypoints/background/cross-year';
import { type LibraryChange, LibraryService, PAGE_WRITE_OPS } from '../../../entrypoints/background/library';
import { getReport, openLibrary } from '../../../utils/library/store';
import type { Finding, Report } from '../../../utils/report/types';
import { renderFinding, runRules } from '../../../utils/rules';
import { dbName } from '../library/builder';
import { CHILDREN, child, EDUCATION, HEALTH, PARENT, parent, STREET } from './hierarchy-reports';

function service() {
  const svc = new LibraryService(() => openLibrary(dbName()));
  const changes: LibraryChange[] = [];
  svc.onChange((c) => changes.push(c));
  return { svc, changes };
}

async function save(svc: LibraryService, report: Report): Promise<number> {
  return (await svc.save({ report, findings: runRules(report), url: report.source.url! })).id;
}

async function hierarchyFindings(svc: LibraryService, id: number): Promise<Finding[]> {
  await svc.idle();
  const saved = await getReport(await svc.library(), id);
  return (saved?.findings ?? []).filter((f) => f.rule === 'hierarchy-sum');
}

const zh = (f: Finding) => renderFinding(f, 'zh-Hans');

describe('hierarchy-sum in the library', () => {
  it('a parent whose 新收申请 total differs from its three children’s sum gets one finding naming them', async () => {
    const { svc, changes } = service();
    const parentId = await save(svc, parent(30));
    for (const c of CHILDREN) await save(svc, c);
    expect(await hierarchyFindings(svc, parentId)).toEqual([]);
    for (const c of [EDUCATION, HEALTH, STREET]) await svc.markChild(PARENT, c);
    expect(changes.some((c) => c.kind === 'findings' && c.ids.includes(parentId))).toBe(true);
    const found = await hierarchyFindings(svc, parentId);
    expect(found).toHaveLength(1);
    expect(found[0]!.messageId).toBe('mismatch');
    expect(found[0]!.severity).toBe('warning');
    const text = zh(found[0]!);
    expect(text).toContain('本报告为 30，3 个下级报告合计 26');
    for (const part of [`${EDUCATION} 12`, `${HEALTH} 9`, `${STREET} 5`]) expect(text).toContain(part);
    // The children's own reports are not touched: they have no children.
    for (const c of CHILDREN) {
      const row = (await (await svc.library()).reports.where('url').equals(c.source.url!).first())!;
      expect(await hierarchyFindings(svc, row.id!)).toEqual([]);
    }
  });

  it('equal sums give no finding', async () => {
    const { svc } = service();
    const parentId = await save(svc, parent(26));
    for (const c of CHILDREN) await save(svc, c);
    for (const c of [EDUCATION, HEALTH, STREET]) await svc.markChild(PARENT, c);
    expect(await hierarchyFindings(svc, parentId)).toEqual([]);
  });

  it('a marked child without a report of the year makes the sums not checkable (info), not an error', async () => {
    const { svc } = service();
    const parentId = await save(svc, parent(30));
    await save(svc, CHILDREN[0]!);
    await save(svc, CHILDREN[1]!);
    // The street office has only a 2021 report: another year does not count.
    await save(svc, child(STREET, 5, 0, 1, 2021));
    for (const c of [EDUCATION, HEALTH, STREET]) await svc.markChild(PARENT, c);
    const found = await hierarchyFindings(svc, parentId);
    expect(found.map((f) => [f.messageId, f.severity])).toEqual([['childMissing', 'info']]);
    expect(zh(found[0]!)).toBe(`已标出的下级 ${STREET} 在资料库中没有 2022 年的报告：各项合计无法核对`);
  });

  it('saving, removing and restoring a child re-checks its parent', async () => {
    const { svc, changes } = service();
    const parentId = await save(svc, parent(30));
    await save(svc, CHILDREN[0]!);
    await save(svc, CHILDREN[1]!);
    for (const c of [EDUCATION, HEALTH, STREET]) await svc.markChild(PARENT, c);
    expect((await hierarchyFindings(svc, parentId)).map((f) => f.messageId)).toEqual(['childMissing']);

    const before = changes.length;
    const streetId = await save(svc, CHILDREN[2]!);
    expect((await hierarchyFindings(svc, parentId)).map((f) => f.messageId)).toEqual(['mismatch']);
    expect(changes.slice(before)).toContainEqual({ kind: 'findings', ids: [parentId] });

    const removed = await svc.remove(streetId);
    expect((await hierarchyFindings(svc, parentId)).map((f) => f.messageId)).toEqual(['childMissing']);
    await svc.restore(removed);
    expect((await hierarchyFindings(svc, parentId)).map((f) => f.messageId)).toEqual(['mismatch']);
  });

  it('unmarking re-checks the parent: fewer children, then none', async () => {
    const { svc, changes } = service();
    const parentId = await save(svc, parent(26));
    for (const c of CHILDREN) await save(svc, c);
    for (const c of [EDUCATION, HEALTH, STREET]) await svc.markChild(PARENT, c);
    expect(await hierarchyFindings(svc, parentId)).toEqual([]);

    await svc.unmarkChild(PARENT, STREET);
    expect(changes.at(-1)).toEqual({ kind: 'findings', ids: [parentId] });
    // Two children: 一 12 + 9 = 21 against 26; 二 1 + 2 = 3 (holds); （七） 11 + 10 = 21 against 25; 四 2 + 1 = 3 against 4.
    const two = await hierarchyFindings(svc, parentId);
    expect(two.map(zh)).toEqual([
      expect.stringContaining('本报告为 26，2 个下级报告合计 21'),
      expect.stringContaining('本报告为 25，2 个下级报告合计 21'),
      expect.stringContaining('本报告为 4，2 个下级报告合计 3'),
    ]);
    await svc.unmarkChild(PARENT, EDUCATION);
    await svc.unmarkChild(PARENT, HEALTH);
    expect(await hierarchyFindings(svc, parentId)).toEqual([]);
  });

  it('marks are by agency key (spacing and brackets’ widths do not matter); marking oneself is refused', async () => {
    const { svc } = service();
    const parentId = await save(svc, parent(30));
    for (const c of CHILDREN) await save(svc, c);
    await svc.markChild(' 某区 人民政府', EDUCATION);
    await svc.markChild(PARENT, HEALTH);
    await svc.markChild(PARENT, `${STREET} `);
    expect((await hierarchyFindings(svc, parentId)).map((f) => f.messageId)).toEqual(['mismatch']);
    await expect(svc.markChild(PARENT, PARENT)).rejects.toMatchObject({ name: 'LibraryError' });
    await expect(svc.markChild('', EDUCATION)).rejects.toMatchObject({ name: 'LibraryError' });
    expect(PAGE_WRITE_OPS.has('markChild') && PAGE_WRITE_OPS.has('unmarkChild')).toBe(true);
  });

  it('a parent checked in a tab gets the same hierarchy finding beside the page’s own', async () => {
    const { svc } = service();
    for (const c of CHILDREN) await save(svc, c);
    for (const c of [EDUCATION, HEALTH, STREET]) await svc.markChild(PARENT, c);
    const report = parent(30);
    const page = runRules(report);
    expect(page.filter((f) => f.rule === 'hierarchy-sum')).toEqual([]);
    const context = await svc.context(report);
    expect(context.hierarchy?.children.map((c) => c.label).sort()).toEqual([EDUCATION, HEALTH, STREET].sort());
    const merged = withLibrary(report, page, context);
    const found = merged.filter((f) => f.rule === 'hierarchy-sum');
    expect(found).toHaveLength(1);
    expect(zh(found[0]!)).toContain('本报告为 30，3 个下级报告合计 26');
    expect(merged.filter((f) => f.rule !== 'hierarchy-sum')).toEqual(page);
    // A report of an agency with no marked children gets nothing more than the page found.
    const other = child('某区财政局', 7, 0, 0);
    expect(withLibrary(other, runRules(other), await svc.context(other))).toEqual(runRules(other));
  });
});
