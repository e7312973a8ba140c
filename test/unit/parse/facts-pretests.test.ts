import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFacts, PATTERNS } from '../../../utils/parse/facts';

// extractFacts runs the applications patterns only on sentences holding 件, and the zero patterns only on sentences
// holding 未, 没 or 无: a speed-up only while every such pattern needs what is searched for. Checked on every
// sentence of the text corpus, and on hand-written sentences.
const DIR = 'test/corpus/text';
const corpusSentences = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => readFileSync(join(DIR, f), 'utf8').split(/[。；！？\n]/))
  .map((s) => s.replace(/\s+/g, ''))
  .filter(Boolean);

const applications = PATTERNS.filter((p) => p.kind.startsWith('applications'));
const zeros = PATTERNS.filter((p) => p.zero);

describe('extractFacts pre-tests', () => {
  it('reads the corpus: enough sentences that the patterns match', () => {
    expect(corpusSentences.length).toBeGreaterThan(2000);
    expect(corpusSentences.filter((s) => applications.some((p) => p.re.test(s))).length).toBeGreaterThan(50);
    expect(corpusSentences.filter((s) => zeros.some((p) => p.zero!.test(s))).length).toBeGreaterThan(5);
  });

  it('no applications pattern matches a corpus sentence without 件', () => {
    const without = corpusSentences.filter((s) => !s.includes('件'));
    expect(without.filter((s) => applications.some((p) => p.re.test(s)))).toEqual([]);
  });

  it('no zero pattern matches a corpus sentence without 未, 没 or 无', () => {
    const without = corpusSentences.filter((s) => !/[未没无]/.test(s));
    expect(without.filter((s) => zeros.some((p) => p.zero!.test(s)))).toEqual([]);
  });

  it('reads a figure with 件 and a stated zero, and nothing from the same words in 条', () => {
    const kinds = (text: string) => extractFacts(text, []).facts.map((f) => `${f.kind}=${f.value}`);
    expect(kinds('本年度收到政府信息公开申请12件，上年结转2件。')).toEqual(['applicationsNew=12', 'applicationsCarriedOver=2']);
    expect(kinds('本年度收到政府信息公开申请12条，上年结转2条。')).toEqual([]);
    expect(kinds('本年度未收到政府信息公开申请。')).toEqual(['applicationsNew=0']);
  });
});
