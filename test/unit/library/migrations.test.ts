import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { LIBRARY_DB_VERSION, SCHEMA_V1, SCHEMA_V2 } from '../../../utils/library/db';
import { legacyFindingKey, upgradeFindings } from '../../../utils/library/migrations/legacy-findings';
import {
  findingKey,
  findSaved,
  getReport,
  neighboursOf,
  openLibrary,
  queryReports,
  reviewsFor,
  saveReport,
  setReview,
} from '../../../utils/library/store';
import type { LocalizedText } from '../../../utils/report/types';
import { countActive, toReviewMap } from '../../../utils/reviews';
import { runRules } from '../../../utils/rules';
import { LEGACY_MESSAGE_ID, renderAll, renderFinding } from '../../../utils/rules/render';
import type { Rule } from '../../../utils/rules/types';
import { dbName, makeReport } from './builder';
import sample from './fixtures/v1-sample.json';
import sampleV2 from './fixtures/v2-sample.json';

/** Write the frozen v1 sample with a bare Dexie at version 1, as the first release would have. */
async function seedV1(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(1).stores(SCHEMA_V1);
  await old.table('reports').bulkAdd(structuredClone(sample.reports));
  old.close();
}

describe('migration v1 → v2 (frozen v1 sample)', () => {
  it('moves reports into rows + bodies, derives columns, keeps revisions and ids', async () => {
    const name = dbName();
    await seedV1(name);
    const db = openLibrary(name);
    await db.open();
    expect(db.verno).toBe(LIBRARY_DB_VERSION);
    expect(await db.reports.count()).toBe(3);
    expect(await db.bodies.count()).toBe(3);
    const rows = (await db.reports.toArray()).sort((a, b) => a.id! - b.id!);
    for (const r of rows) {
      expect(r).not.toHaveProperty('report');
      expect(r).not.toHaveProperty('findings');
    }
    expect(rows.map((r) => [r.id, r.latest, r.previousId])).toEqual([
      [1, 0, undefined],
      [2, 1, undefined],
      [3, 1, 1],
    ]);
    expect(rows[0]).toMatchObject({
      region: '张掖市',
      agencyKey: '张掖市卫生和计划生育委员会',
      year: 2017,
      era: '2008',
      checkedAt: '2019-02-01T08:00:00.000Z',
    });
    expect(rows[0].counts).toMatchObject({ error: 1, total: 1 });
    expect(rows[2].counts).toMatchObject({ warning: 1, info: 1, total: 2 });
    expect(rows[0].figures.applicationsNew).toBe(5);

    const latest = await findSaved(db, 'http://www.zhangye.gov.cn/wjw/2017.html');
    expect(latest?.id).toBe(3);
    expect(latest?.report.figures.applicationsNew).toBe(6);
    expect(latest?.findings).toHaveLength(2);

    // the migrated database works with the current API
    expect((await queryReports(db, { year: 2017 })).map((r) => r.id).sort()).toEqual([1, 3]);
    await setReview(db, 3, findingKey(latest!.findings[0]), { status: 'dismissed', note: '' });
    expect((await db.reports.get(3))?.counts.total).toBe(1);
    const same = await saveReport(db, { report: structuredClone(latest!.report), findings: latest!.findings, url: latest!.url });
    expect(same).toMatchObject({ status: 'unchanged', id: 3 });
    const n = await neighboursOf(db, makeReport({ agency: '张掖市卫生和计划生育委员会', year: 2018 }));
    expect(n.previous?.id).toBe(3);
    db.close();
    await db.delete();
  });

  it('an empty v1 database upgrades cleanly', async () => {
    const name = dbName();
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    await old.open();
    old.close();
    const db = openLibrary(name);
    expect(await db.reports.count()).toBe(0);
    expect(db.verno).toBe(LIBRARY_DB_VERSION);
    db.close();
    await db.delete();
  });
});

/** Write the frozen v2 sample with a bare Dexie at version 2, as version 2 of the extension left it. */
async function seedV2(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(2).stores(SCHEMA_V2);
  await old.table('reports').bulkAdd(structuredClone(sampleV2.reports));
  await old.table('bodies').bulkAdd(structuredClone(sampleV2.bodies));
  await old.table('reviews').bulkAdd(structuredClone(sampleV2.reviews));
  await old.table('agencyLinks').bulkAdd(structuredClone(sampleV2.agencyLinks));
  old.close();
}

type V2Finding = { rule: string; severity: string; message: string; messages: LocalizedText; location: { kind: string } };

describe('migration v2 → v3 (frozen v2 sample: findings as text → { messageId, data })', () => {
  it('every finding keeps its text in all three locales, now rendered from messageId + data', async () => {
    const name = dbName();
    await seedV2(name);
    const db = openLibrary(name);
    await db.open();
    expect(db.verno).toBe(LIBRARY_DB_VERSION);
    const bodies = (await db.bodies.toArray()).sort((a, b) => a.id - b.id);
    expect(bodies).toHaveLength(3);
    const before = new Map(sampleV2.bodies.map((b) => [b.id, b.findings as V2Finding[]]));
    let n = 0;
    for (const body of bodies) {
      const old = before.get(body.id)!;
      expect(body.findings).toHaveLength(old.length);
      body.findings.forEach((f, i) => {
        expect(f).not.toHaveProperty('message');
        expect(f.messageId).not.toBe(LEGACY_MESSAGE_ID);
        expect(renderAll(f)).toEqual(old[i]!.messages);
        n++;
      });
    }
    expect(n).toBe(12);
    // Hand-read from the sample: seed 004 given PubDate 2024-02-20, a department's deadline 31 January.
    const late = bodies[2]!.findings.find((f) => f.rule === 'late-publication')!;
    expect(late).toEqual({
      rule: 'late-publication',
      messageId: 'late',
      data: {
        year: '2023',
        date: '2024-02-20',
        deadline: '2024-01-31',
        basis: {
          'zh-Hans': '政府部门：次年 1 月 31 日前',
          'zh-Hant': '政府部門：次年 1 月 31 日前',
          en: 'government departments: by 31 January',
        },
        days: '20',
      },
      severity: 'warning',
      location: { kind: 'report' },
    });
    const skip = bodies[0]!.findings[0]!;
    expect(skip).toMatchObject({ rule: 'section-numbering', messageId: 'skip', data: { previous: '（三）', current: '（五）' } });
    expect(await db.reports.count()).toBe(3);
    expect(await db.agencyLinks.count()).toBe(1);
    db.close();
    await db.delete();
  });

  it('reviews survive: located ones keep their keys, the report-level one is re-keyed to what the rules emit today', async () => {
    const name = dbName();
    await seedV2(name);
    const db = openLibrary(name);
    await db.open();
    const reviews = (await db.reviews.toArray()).sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
    // As a freshly run rule emits it (numbers, not the strings read back from text).
    const lateKey = findingKey({
      rule: 'late-publication',
      messageId: 'late',
      data: {
        year: 2023,
        date: '2024-02-20',
        deadline: '2024-01-31',
        basis: {
          'zh-Hans': '政府部门：次年 1 月 31 日前',
          'zh-Hant': '政府部門：次年 1 月 31 日前',
          en: 'government departments: by 31 January',
        },
        days: 20,
      },
      location: { kind: 'report' },
    });
    expect(reviews.map((r) => [r.reportId, r.findingKey, r.status, r.note])).toEqual([
      [1, 'section-numbering@section:2.5:(五)议案提案办理情况', 'confirmed', '原文确实跳号'],
      [2, 'applications-balance@cell:1:24:1', 'dismissed', ''],
      [3, lateKey, 'dismissed', '网站发布日期晚于正文落款'],
      [3, 'table-missing@section:3:三、收到和处理政府信息公开申请情况', 'confirmed', ''],
    ]);
    expect(lateKey).not.toBe('late-publication@report:e0de30cd');

    // Visiting the page again: today's rules on the stored report meet the migrated reviews.
    const saved = (await getReport(db, 3))!;
    const fresh = runRules(saved.report);
    expect(fresh.map(findingKey)).toContain(lateKey);
    const again = await saveReport(db, { report: saved.report, findings: fresh, url: saved.url });
    expect(again.status).toBe('unchanged');
    expect(countActive(fresh, toReviewMap(await reviewsFor(db, 3)))).toMatchObject({ dismissed: 1, error: 3, warning: 0 }); // three table-missing errors stay; late-publication dismissed
    db.close();
    await db.delete();
  });
});

describe('findings from text that no template matches any more', () => {
  it('keep their text (legacy-text) and their review', () => {
    const old = {
      rule: 'implausible-regulations',
      severity: 'warning' as const,
      message: '本机关不是有权制定规章的机关，却报告了规章',
      messages: {
        'zh-Hans': '本机关不是有权制定规章的机关，却报告了规章',
        'zh-Hant': '本機關不是有權制定規章的機關，卻報告了規章',
        en: 'This agency may not make rules yet reports some',
      },
      location: { kind: 'report' as const },
    };
    const { findings, rekey } = upgradeFindings([old]);
    expect(findings[0]).toEqual({
      rule: 'implausible-regulations',
      messageId: LEGACY_MESSAGE_ID,
      data: { text: old.messages },
      severity: 'warning',
      location: { kind: 'report' },
    });
    expect(renderFinding(findings[0]!, 'zh-Hant')).toBe('本機關不是有權制定規章的機關，卻報告了規章');
    expect(rekey.get(legacyFindingKey(old))).toBe(findingKey(findings[0]!));
  });
});

describe('review keys do not depend on wording', () => {
  const report = makeReport({ agency: '某某区卫生健康局', year: 2022 });
  const say = (zh: string): Rule => ({
    id: 'applications-balance',
    meta: {
      severity: 'warning',
      category: 'tables',
      docs: { 'zh-Hans': '', en: '', why: { 'zh-Hans': '', en: '' }, fix: { 'zh-Hans': '', en: '' }, example: '' },
      messages: { odd: { 'zh-Hans': zh, 'zh-Hant': zh, en: zh } },
    },
    check: (_r, _c, emit) => {
      emit('odd', { n: 7 }, { kind: 'report' });
      emit('odd', { n: 8 }, { kind: 'cell', table: 0, row: 1, col: 1, quote: '8' });
    },
  });
  it('rewording a rule message keeps its reviews', async () => {
    const before = runRules(report, {}, [say('数字 {n} 不对')]);
    const after = runRules(report, {}, [say('第 {n} 项有误，请核对')]);
    expect(renderFinding(before[0]!, 'zh-Hans', [say('数字 {n} 不对')])).not.toBe(
      renderFinding(after[0]!, 'zh-Hans', [say('第 {n} 项有误，请核对')]),
    );
    expect(after.map(findingKey)).toEqual(before.map(findingKey));
    const db = openLibrary(dbName());
    const { id } = await saveReport(db, { report, findings: before });
    await setReview(db, id, findingKey(before[0]!), { status: 'dismissed', note: '' });
    await saveReport(db, { report, findings: after });
    expect(countActive(after, toReviewMap(await reviewsFor(db, id)))).toMatchObject({ dismissed: 1, warning: 1 });
    db.close();
    await db.delete();
  });
  it('two report-level findings of one rule with different data keep apart', () => {
    const a = { rule: 'x', messageId: 'm', data: { n: 1 }, location: { kind: 'report' as const } };
    expect(findingKey(a)).not.toBe(findingKey({ ...a, data: { n: 2 } }));
    expect(findingKey(a)).not.toBe(findingKey({ ...a, messageId: 'other' }));
    expect(findingKey(a)).toBe(findingKey({ ...a, data: { n: '1' } }));
  });
});
