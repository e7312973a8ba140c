/**
 * A scanned page's prose is read by OCR: a key figure the tables do not give, taken from that prose, is shown
 * doubtful (issue 18: the seed 004 scan showed 办理结果总计 13, from "办结县长信箱13件", as sure). The same
 * sentence in a PDF's own text stays a sure figure.
 */
import { describe, expect, it } from 'vitest';
import { emptyDocument } from '../../../cli/dom';
import { picturesToDocument } from '../../../utils/ocr/document';
import { parseDocument } from '../../../utils/parse';
import type { PdfPageInput, PdfRun } from '../../../utils/pdf/types';

const line = (str: string, y: number, index: number): PdfRun => ({ str, x: 72, y, w: str.length * 12, h: 12, index, confidence: 0.95 });

function page(picture: boolean): PdfPageInput {
  return {
    page: 1,
    width: 595,
    height: 842,
    images: picture ? 1 : 0,
    ...(picture ? { picture: { image: 1, rotation: 0 } } : {}),
    runs: [
      line('某县人民政府2023年政府信息公开工作年度报告', 80, 0),
      line('一、总体情况', 110, 1),
      line('本年度共收到政府信息公开申请13件，均已按时答复。', 130, 2),
    ],
    rules: [],
  };
}

function parse(picture: boolean) {
  const doc = emptyDocument();
  picturesToDocument([page(picture)], doc);
  return parseDocument(doc, { url: null, fromTextDump: true }).report;
}

describe('key figures from a scanned page’s prose', () => {
  it('are read, and marked doubtful, when the prose was read from a picture', () => {
    const report = parse(true);
    expect(report.figures.applicationsNew).toBe(13);
    expect(report.doubtfulFigures).toContain('applicationsNew');
  });

  it('stay sure when the same sentence is the PDF’s own text', () => {
    const report = parse(false);
    expect(report.figures.applicationsNew).toBe(13);
    expect(report.doubtfulFigures ?? []).not.toContain('applicationsNew');
  });
});
