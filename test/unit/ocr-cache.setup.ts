/**
 * Vitest's global set-up for the unit run: a fresh directory for cli/ocr-cache.ts (one OCR reading per picture in
 * this run), named to the workers and to the CLIs they spawn through REPORT_LENS_OCR_CACHE, and removed at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'report-lens-ocr-'));
  process.env.REPORT_LENS_OCR_CACHE = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
