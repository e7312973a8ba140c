// @vitest-environment happy-dom
/**
 * The 上下级 view through the real library service: suggestions from the agency names, accepting them,
 * the year's table (parent, children's sum, difference), unmarking, and the parent's report detail naming
 * and linking the children under its hierarchy-sum finding.
 */
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryApp } from '../../../components/library/LibraryApp';
import { LibraryService } from '../../../entrypoints/background/library';
import { type LibraryDB, openLibrary } from '../../../utils/library/store';
import { runRules } from '../../../utils/rules';
import { CHILDREN, child, EDUCATION, HEALTH, PARENT, parent, STREET } from '../background/hierarchy-reports';
import { dbName } from './builder';

const wait = async (cond: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out; page: ${document.body.textContent?.slice(0, 600)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};
const $ = (sel: string) => document.querySelector(sel);
const $$ = (sel: string) => [...document.querySelectorAll(sel)];

let db: LibraryDB;
let root: HTMLElement | undefined;
function mount(svc: LibraryService): void {
  root = document.createElement('div');
  document.body.append(root);
  render(<LibraryApp db={db} writes={svc} />, root);
}
afterEach(async () => {
  if (root) render(null, root);
  root?.remove();
  db?.close();
  await db?.delete();
  location.hash = '';
});

describe('上下级 view', () => {
  it('suggests the district’s bodies, marks them, shows the year’s sums, and the detail links each child', async () => {
    db = openLibrary(dbName());
    const svc = new LibraryService(() => db);
    const ids = new Map<string, number>();
    for (const r of [parent(30), ...CHILDREN, child('某县教育局', 3, 0, 0)]) {
      ids.set(r.meta.agency!, (await svc.save({ report: r, findings: runRules(r), url: r.source.url! })).id);
    }
    await svc.idle();
    location.hash = '#hierarchy';
    mount(svc);
    await wait(() => $$('[data-suggestion]').length > 0);

    // 某县教育局 has no government of its place in the library: not suggested.
    expect(
      $$('[data-suggestion]')
        .map((e) => [e.getAttribute('data-parent'), e.getAttribute('data-child')])
        .sort(),
    ).toEqual([EDUCATION, HEALTH, STREET].map((c) => [PARENT, c]).sort());
    ($('[data-action="accept-all"]') as HTMLButtonElement).click();
    await wait(() => $$('[data-hierarchy-child]').length === 3 && $$('[data-suggestion]').length === 0);

    // 一、本年新收: parent 30, children 12 + 9 + 5 = 26, difference +4; 二 3 = 1 + 2 + 0, difference 0.
    await wait(() => $('[data-hierarchy-table] [data-figure="applications.new"]')?.getAttribute('data-difference') === '4');
    const newRow = $('[data-figure="applications.new"]')!;
    expect(newRow.getAttribute('data-difference')).toBe('4');
    expect([...newRow.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['30', '26', '+4']);
    expect($('[data-figure="applications.carriedOver"]')!.getAttribute('data-difference')).toBe('0');
    // The parent has no 表四: its rows there have no figure to compare.
    expect($('[data-figure="reviewLitigation.review"]')!.getAttribute('data-difference')).toBe('');

    // Unmark the street office: it is suggested again, and the sums are over two children.
    ($(`[data-hierarchy-child="${STREET}"] [data-action="unmark-child"]`) as HTMLButtonElement).click();
    await wait(() => $$('[data-hierarchy-child]').length === 2 && $$('[data-suggestion]').length === 1);
    await wait(() => $('[data-figure="applications.new"]')?.getAttribute('data-difference') === '9');
    ($('[data-action="accept-suggestion"]') as HTMLButtonElement).click();
    await wait(() => $$('[data-hierarchy-child]').length === 3);
    await svc.idle();

    // The parent's detail: the hierarchy-sum finding, and a link to each child's report under it.
    location.hash = `#report=${ids.get(PARENT)}`;
    await wait(() => $$('[data-rule="hierarchy-sum"] [data-action="open-child"]').length === 3);
    const finding = $('[data-rule="hierarchy-sum"]')!;
    expect(finding.textContent).toContain('本报告为 30，3 个下级报告合计 26');
    const links = $$('[data-rule="hierarchy-sum"] [data-action="open-child"]');
    expect(links.map((a) => a.getAttribute('data-report-id')).sort()).toEqual(
      [EDUCATION, HEALTH, STREET].map((c) => String(ids.get(c))).sort(),
    );
    (links.find((a) => a.textContent === HEALTH) as HTMLButtonElement).click();
    await wait(() => location.hash === `#report=${ids.get(HEALTH)}`);
  });

  it('marks by hand with the two lists', async () => {
    db = openLibrary(dbName());
    const svc = new LibraryService(() => db);
    for (const r of [child('东岭县人民政府', 1, 0, 0), child('西岭县财政局', 1, 0, 0)])
      await svc.save({ report: r, findings: [], url: r.source.url! });
    location.hash = '#hierarchy';
    mount(svc);
    const hasOption = (sel: string, value: string) => !!$(sel) && [...($(sel) as HTMLSelectElement).options].some((o) => o.value === value);
    await wait(() => hasOption('select[data-input="hierarchy-parent"]', '东岭县人民政府'));
    const choose = (sel: string, value: string) => {
      const s = $(sel) as HTMLSelectElement;
      s.value = value;
      s.dispatchEvent(new Event('change', { bubbles: true }));
    };
    choose('select[data-input="hierarchy-parent"]', '东岭县人民政府');
    await wait(() => hasOption('select[data-input="hierarchy-child"]', '西岭县财政局'));
    choose('select[data-input="hierarchy-child"]', '西岭县财政局');
    await wait(() => !($('[data-action="mark-child"]') as HTMLButtonElement).disabled);
    ($('[data-action="mark-child"]') as HTMLButtonElement).click();
    await wait(() => !!$('[data-hierarchy-parent="东岭县人民政府"] [data-hierarchy-child="西岭县财政局"]'));
    expect(await db.hierarchyLinks.toArray()).toMatchObject([{ parent: '东岭县人民政府', child: '西岭县财政局' }]);
  });
});
