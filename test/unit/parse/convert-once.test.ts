// One file, one module instance: the converter starts unbuilt here (@vitest-isolate: asserts first-use module state).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToDocument } from '../../../cli/dom';
import { parseDocument } from '../../../utils/parse';
import { converterBuilt } from '../../../utils/text/convert';

const page = (name: string) => htmlToDocument(readFileSync(join(__dirname, '../../fixtures/pages', name), 'utf8'));

describe('Traditional → Simplified conversion', () => {
  it('is never built for a Simplified page, and built for a Traditional one', () => {
    const simplified = parseDocument(page('seed-004.html')).report;
    expect(simplified.meta.script).toBe('hans');
    expect(converterBuilt()).toBe(false);
    const traditional = parseDocument(page('seed-003.html')).report;
    expect(traditional.meta.script).toBe('hant');
    expect(converterBuilt()).toBe(true);
    // Everything the Report says is Simplified.
    expect(traditional.text).toContain('结转下年度继续办理');
    expect(traditional.text).not.toContain('結轉');
  });

  it('points text locations back at the original Traditional characters in the page', () => {
    const { report, anchors } = parseDocument(page('seed-001.html'));
    const at = report.text.indexOf('政务公开工作领导小组');
    // (happy-dom's Range is unreliable across text nodes, so check the boundary points; browsers
    // build the Range from the same points in the e2e tests.)
    const points = anchors.view.pointsFor(at, at + 10)!;
    expect(points.startNode.data.slice(points.startOffset)).toMatch(/^政/);
    expect(points.endNode.data.slice(0, points.endOffset)).toMatch(/組$/);
    // The page has ruby between the characters: the span crosses several text nodes.
    expect(points.startNode).not.toBe(points.endNode);
  });
});
