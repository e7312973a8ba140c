import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readOnce } from '../../../cli/ocr-cache';
import type { PictureRead, RgbaImage } from '../../../utils/ocr';

const image = (fill: number): RgbaImage => ({ data: new Uint8ClampedArray(4 * 6).fill(fill), width: 3, height: 2 });
const reading = (text: string): PictureRead => ({
  page: { page: 1, width: 3, height: 2, runs: [{ str: text, x: 0, y: 0, w: 3, h: 2 }] } as unknown as PictureRead['page'],
  ruled: true,
  rotation: 0,
  timings: { prepare: 1, recognise: 2, stages: {} },
  crops: 1,
});

describe('readOnce: one OCR reading per picture within a run', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('without REPORT_LENS_OCR_CACHE, reads every time', async () => {
    vi.stubEnv('REPORT_LENS_OCR_CACHE', '');
    const read = vi.fn(async () => reading('12'));
    await readOnce(image(0), { page: 1 }, read);
    await readOnce(image(0), { page: 1 }, read);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('with a directory, the same pixels and options are read once and answered the same; other pixels or options are read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-ocr-test-'));
    vi.stubEnv('REPORT_LENS_OCR_CACHE', dir);
    const read = vi.fn(async () => reading('12'));
    const first = await readOnce(image(0), { page: 1 }, read);
    const again = await readOnce(image(0), { page: 1, now: () => 5 }, read);
    expect(read).toHaveBeenCalledTimes(1);
    expect(again).toEqual(first);
    expect(again.page.runs[0]?.str).toBe('12');
    await readOnce(image(255), { page: 1 }, read); // other pixels
    await readOnce(image(0), { page: 2 }, read); // another page number
    await readOnce(image(0), { page: 1, fullPage: true }, read); // read as a whole page
    expect(read).toHaveBeenCalledTimes(4);
    expect(readdirSync(dir).filter((f) => f.endsWith('.json'))).toHaveLength(4);
  });

  it('a directory that does not exist is no cache: reads every time, writes nothing', async () => {
    vi.stubEnv('REPORT_LENS_OCR_CACHE', join(tmpdir(), 'rl-ocr-missing-dir-never-made'));
    const read = vi.fn(async () => reading('3'));
    await readOnce(image(0), {}, read);
    await readOnce(image(0), {}, read);
    expect(read).toHaveBeenCalledTimes(2);
  });
});
