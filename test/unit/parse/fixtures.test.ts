/**
 * The parser and rules against the hand-written expectations in test/fixtures/expected/
 * (written from reading each report, never from the parser's output).
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../../cli/check';

const fixtures = join(__dirname, '../../fixtures');
const expectations = readdirSync(join(fixtures, 'expected'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ name: f, ...JSON.parse(readFileSync(join(fixtures, 'expected', f), 'utf8')) }));
const outputs = new Map(await Promise.all(expectations.map(async (e) => [e.name, await checkFile(join(fixtures, e.fixture))] as const)));

const squash = (s: unknown) => (typeof s === 'string' ? s.replace(/\s+/g, '') : s);

describe.each(expectations)('$name', (expected) => {
  const out = outputs.get(expected.name)!;

  it('is recognised as a report or not', () => {
    expect(out.isReport).toBe(expected.isReport);
  });

  if (!expected.isReport) return;

  it('has the metadata read from the report', () => {
    for (const [key, value] of Object.entries(expected.meta ?? {})) {
      expect.soft(squash((out.meta as unknown as Record<string, unknown>)[key]), `meta.${key}`).toEqual(squash(value));
    }
  });

  it('has the section tree as printed', () => {
    if (expected.topLevelLabels) expect(out.sections.map((s) => s.label)).toEqual(expected.topLevelLabels);
    if (expected.sectionCount !== undefined) expect(out.sections.length).toBe(expected.sectionCount);
    for (const [path, labels] of Object.entries<string[]>(expected.childLabels ?? {})) {
      let level = out.sections;
      for (const label of path.split('.')) level = level.find((s) => s.label === label)?.children ?? [];
      expect
        .soft(
          level.map((s) => s.label),
          `children of ${path}`,
        )
        .toEqual(labels);
    }
    for (const s of JSON.stringify(out.sections).match(/"title":"[^"]*"/g) ?? []) {
      // No pinyin left in any title (seed 001 is a ruby mirror).
      expect(s).not.toMatch(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+\)/);
    }
  });

  it('has the figures the report states', () => {
    for (const [key, value] of Object.entries(expected.figures ?? {})) {
      expect.soft((out.figures as unknown as Record<string, unknown>)[key], `figures.${key}`).toBe(value);
    }
  });

  it('recognises the standard tables', () => {
    for (const [kind, present] of Object.entries(expected.tables ?? {})) {
      expect
        .soft(
          out.tables.some((t) => t.kind === kind),
          kind,
        )
        .toBe(present);
    }
  });

  it('reports the expected findings and none of the forbidden ones', () => {
    const rules = new Set(out.findings.map((f) => f.rule));
    for (const rule of expected.expectedFindings ?? []) expect.soft(rules.has(rule), `expected ${rule}`).toBe(true);
    for (const rule of expected.forbiddenFindings ?? []) expect.soft(rules.has(rule), `forbidden ${rule}`).toBe(false);
  });
});
