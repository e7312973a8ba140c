import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyDocument, htmlToDocument } from '../../../cli/dom';
import { PARSE_STAGES, parseDocument, parseReportText } from '../../../utils/parse';
import { type CheckStage, checkDocument, checkText } from '../../../utils/pipeline';

const fixtures = join(__dirname, '../../fixtures');
const page = (name: string) => htmlToDocument(readFileSync(join(fixtures, 'pages', name), 'utf8'));

/** The stages a run reports, in order, each with a sane duration. */
function recorder() {
  const seen: { stage: CheckStage; ms: number }[] = [];
  return { seen, onStage: (stage: CheckStage, ms: number) => seen.push({ stage, ms }) };
}

describe('the pipeline as named stages', () => {
  it('parseDocument reports each stage once, in order, and the hook changes nothing', () => {
    const { seen, onStage } = recorder();
    const timed = parseDocument(page('seed-004.html'), { url: 'https://www.example.gov.cn/a.html', onStage }).report;
    expect(seen.map((s) => s.stage)).toEqual(['textView', 'tables', 'sections', 'facts', 'metadata']);
    expect(PARSE_STAGES).toEqual(['textView', 'tables', 'sections', 'facts', 'metadata']);
    for (const { ms } of seen) expect(ms).toBeGreaterThanOrEqual(0);
    expect(timed).toEqual(parseDocument(page('seed-004.html'), { url: 'https://www.example.gov.cn/a.html' }).report);
  });

  it('checkDocument adds the rules stage on a report, and skips it on a page that is no report', () => {
    const report = recorder();
    const checked = checkDocument(page('seed-004.html'), { onStage: report.onStage });
    expect(checked.report.isReport).toBe(true);
    expect(report.seen.map((s) => s.stage)).toEqual(['textView', 'tables', 'sections', 'facts', 'metadata', 'rules']);
    expect(checked.findings).toEqual(checkDocument(page('seed-004.html')).findings);

    const news = recorder();
    const other = checkDocument(page('news.html'), { onStage: news.onStage });
    expect(other.report.isReport).toBe(false);
    expect(other.findings).toEqual([]);
    expect(news.seen.map((s) => s.stage)).not.toContain('rules');
  });

  it('checkText runs the text-dump path through the same stages', () => {
    const text = readFileSync(join(fixtures, 'seeds/004.txt'), 'utf8');
    const { seen, onStage } = recorder();
    const checked = checkText(text, emptyDocument(), { onStage });
    expect(seen.map((s) => s.stage)).toEqual(['textView', 'tables', 'sections', 'facts', 'metadata', 'rules']);
    expect(checked.report.meta.agency).toBe('平邑县卫生健康局');
    expect(checked.report).toEqual(parseReportText(text, emptyDocument()).report);
  });
});
