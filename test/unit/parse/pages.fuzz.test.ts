/**
 * The fixture pages truncated at random offsets and mutated (elements deleted, duplicated, shuffled;
 * headings and numbers injected), plus text dumps through parseReportText. Each case is checked by
 * checkParsed (schema, findings, JSON round trip, anchors, work bounds; see check.ts).
 * Cases: 600 truncated + 400 mutated + 200 text dumps = 1,200.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReportText } from '../../../utils/parse';
import { validateFindings, validateReport } from '../../../utils/report/schema';
import { runRules } from '../../../utils/rules';
import { numberText, proseText, runs, unicodeText } from './arbitraries';
import { checkParsed, expectJsonStable } from './check';
import { htmlToDocument } from './dom';

const dir = join(__dirname, '../../fixtures/pages');
const seeds = readdirSync(dir)
  .filter((f) => f.endsWith('.html') && !f.startsWith('large'))
  .map((f) => readFileSync(join(dir, f), 'utf8'));
const dumps = readdirSync(join(__dirname, '../../fixtures/seeds')).map((f) =>
  readFileSync(join(__dirname, '../../fixtures/seeds', f), 'utf8'),
);

describe('truncated pages', () => {
  it('a seed page cut at any offset (600 cases)', () => {
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), (i, at) => {
        const html = seeds[i]!;
        checkParsed(htmlToDocument(html.slice(0, Math.floor(html.length * at))));
      }),
      { numRuns: runs(600) },
    );
  });
});

type Mutation =
  | { op: 'delete' | 'duplicate' | 'unwrap'; at: number }
  | { op: 'move'; at: number; to: number }
  | { op: 'shuffle'; at: number; seed: number }
  | { op: 'heading' | 'text'; at: number; text: string }
  | { op: 'number'; at: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const, 'unwrap' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('move' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('shuffle' as const), at: fc.nat(), seed: fc.nat() }),
  fc.record({
    op: fc.constant('heading' as const),
    at: fc.nat(),
    text: fc
      .tuple(
        fc.constantFrom('一、', '三、', '(二)', '（四）', '1.', '七、', '二十、'),
        fc.constantFrom('总体情况', '收到和处理政府信息公开申请情况', '', '其他需要报告的事项'),
      )
      .map(([a, b]) => a + b),
  }),
  fc.record({ op: fc.constant('text' as const), at: fc.nat(), text: fc.oneof(proseText(20), unicodeText(20)) }),
  fc.record({ op: fc.constant('number' as const), at: fc.nat(), text: numberText }),
);

function mutate(doc: Document, m: Mutation): void {
  const body = doc.body;
  if (!body) return;
  const all = [...body.getElementsByTagName('*')];
  const el = all[m.at % Math.max(1, all.length)];
  if (!el) return;
  switch (m.op) {
    case 'delete':
      el.remove();
      break;
    case 'duplicate':
      el.after(el.cloneNode(true));
      break;
    case 'unwrap':
      el.replaceWith(...el.childNodes);
      break;
    case 'move': {
      const to = all[m.to % all.length]!;
      if (to !== el && !el.contains(to)) to.before(el);
      break;
    }
    case 'shuffle': {
      const kids = [...el.children];
      let s = m.seed;
      for (let i = kids.length - 1; i > 0; i--) {
        s = (s * 1103515245 + 12345) % 2 ** 31;
        const j = s % (i + 1);
        [kids[i], kids[j]] = [kids[j]!, kids[i]!];
      }
      for (const k of kids) el.appendChild(k);
      break;
    }
    case 'heading': {
      const p = doc.createElement('p');
      p.textContent = m.text;
      el.before(p);
      break;
    }
    case 'text':
    case 'number':
      // Into a leaf: replaces a cell's or paragraph's text, else is appended.
      if (el.children.length === 0) el.textContent = m.text;
      else el.append(m.text);
      break;
  }
}

describe('mutated pages', () => {
  it('a seed page with elements deleted, duplicated, moved, shuffled, unwrapped; headings and numbers injected (400 cases)', () => {
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 10 }), (i, mutations) => {
        const doc = htmlToDocument(seeds[i]!);
        for (const m of mutations) mutate(doc, m);
        checkParsed(doc);
      }),
      { numRuns: runs(400) },
    );
  });
});

describe('text dumps', () => {
  it('a seed dump with lines deleted, duplicated, swapped or injected, through parseReportText (200 cases)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: dumps.length - 1 }),
        fc.array(
          fc.tuple(
            fc.constantFrom('delete', 'duplicate', 'swap', 'inject'),
            fc.nat(),
            fc.nat(),
            fc.oneof(proseText(12), unicodeText(12), fc.constant('| 1 | 2 | 3 |')),
          ),
          { maxLength: 10 },
        ),
        (i, edits) => {
          const lines = dumps[i]!.split('\n');
          for (const [op, a, b, text] of edits) {
            const x = a % lines.length;
            const y = b % lines.length;
            if (op === 'delete') lines.splice(x, 1);
            else if (op === 'duplicate') lines.splice(x, 0, lines[x]!);
            else if (op === 'swap') [lines[x], lines[y]] = [lines[y]!, lines[x]!];
            else lines.splice(x, 0, text);
            if (!lines.length) lines.push('');
          }
          const { report } = parseReportText(lines.join('\n'), htmlToDocument('<!doctype html><html><head></head><body></body></html>'));
          expect(validateReport(report)).toEqual({ ok: true });
          const findings = runRules(report);
          expect(validateFindings(findings, report)).toEqual({ ok: true });
          expectJsonStable(report, 'report');
        },
      ),
      { numRuns: runs(200) },
    );
  });
});
