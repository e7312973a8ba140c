/**
 * One OCR reading per picture within a test run. Several unit files read the same fixture pictures through the
 * CLI's paths (the seed 004 pictures and its scan in the OCR tests, the batch tests and the scored corpus; the
 * scanned PDF in the PDF tests and in damaged copies whose image is intact): each reading is seconds of CPU, and
 * the same code gives the same answer for the same pixels. With REPORT_LENS_OCR_CACHE naming a directory (set by
 * vitest.config.ts to a fresh one for each run, so a reading never outlives the code that made it), a picture's
 * reading is kept there under the hash of its pixels and options, and a later reading of the same pixels in that
 * run takes it. Unset (the CLI, the bench), every picture is read.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PictureRead, ReadPictureOptions, RgbaImage } from '../utils/ocr';

export async function readOnce(image: RgbaImage, options: ReadPictureOptions, read: () => Promise<PictureRead>): Promise<PictureRead> {
  const dir = process.env.REPORT_LENS_OCR_CACHE;
  if (!dir || !existsSync(dir)) return read();
  const { page, fullPage, upscaled } = options;
  const key = createHash('sha256')
    .update(JSON.stringify([image.width, image.height, page, fullPage, upscaled]))
    .update(image.data)
    .digest('hex');
  const file = join(dir, `${key}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as PictureRead;
  const result = await read();
  // Written whole, then renamed: a reader in another worker sees the whole file or none.
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(partial, JSON.stringify(result));
  renameSync(partial, file);
  return result;
}
