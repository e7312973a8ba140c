import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../..');
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(root, 'cli/check.ts'), ...args], { cwd: root, encoding: 'utf8' });

describe('npm run check', () => {
  it('prints one JSON object per input, and a bad file does not stop the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-cli-'));
    const binary = join(dir, 'photo.html');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 0xff]));
    const result = run('--json', binary, 'test/fixtures/seeds/004.txt', join(dir, 'missing.html'), 'test/fixtures/pages/news.html');
    expect(result.status).toBe(1);
    const out = JSON.parse(result.stdout);
    expect(out.map((o: { source: string }) => o.source)).toEqual(['test/fixtures/seeds/004.txt', 'test/fixtures/pages/news.html']);
    expect(out[0].isReport).toBe(true);
    expect(out[0].meta.agency).toBe('平邑县卫生健康局');
    expect(out[1].isReport).toBe(false);
    expect(result.stderr).toContain(`${binary}: cannot read: binary file`);
    expect(result.stderr).toContain('missing.html: cannot read: no such file');
  });

  it('reads GBK pages', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-cli-'));
    const file = join(dir, 'gbk.html');
    // 平邑县卫生健康局2023年政府信息公开工作年度报告, encoded in GBK (bytes from Python's gbk codec).
    const title = Buffer.from([
      198, 189, 210, 216, 207, 216, 206, 192, 201, 250, 189, 161, 191, 181, 190, 214, 50, 48, 50, 51, 196, 234, 213, 254, 184, 174, 208,
      197, 207, 162, 185, 171, 191, 170, 185, 164, 215, 247, 196, 234, 182, 200, 177, 168, 184, 230,
    ]);
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from('<html><head><meta charset="gbk"><title>'),
        title,
        Buffer.from('</title></head><body><p>x</p></body></html>'),
      ]),
    );
    const result = run('--json', file);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)[0].meta.title).toBe('平邑县卫生健康局2023年政府信息公开工作年度报告');
  });

  it('prints a readable summary without --json', () => {
    const result = run('test/fixtures/pages/seed-003.html');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('张家港市卫生健康委员会');
    expect(result.stdout).toContain('applications-balance');
  });

  it('--json lists the key figures read from guessed cells (a converter header 数据1…数据7, 总计 unnamed), [] when none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-cli-'));
    const zeros = '0 | 0 | 0 | 0 | 0 | 0 | 0';
    const table = [
      '| 类别 | 项目 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 数据7 |',
      '|---|---|---|---|---|---|---|---|---|',
      '| 一、本年新收政府信息公开申请数量 |  | 3 | 0 | 0 | 0 | 0 | 0 | 3 |',
      `| 二、上年结转政府信息公开申请数量 |  | ${zeros} |`,
      '| 三、本年度办理结果 | （一）予以公开 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |',
      `|  | （二）部分公开（区分处理的，只计这一情形，不计其他情形） | ${zeros} |`,
      '|  | （七）总计 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |',
      `| 四、结转下年度继续办理 |  | ${zeros} |`,
    ];
    const text = [
      '某县人民政府2021年政府信息公开工作年度报告',
      '三、收到和处理政府信息公开申请情况',
      ...table,
      '四、政府信息公开行政复议、行政诉讼情况',
    ].join('\n');
    const file = join(dir, 'converted.txt');
    writeFileSync(file, text);
    const result = run('--json', file, 'test/fixtures/pages/seed-003.html');
    expect(result.status).toBe(0);
    const [converted, grid] = JSON.parse(result.stdout);
    expect(converted.figures.applicationsNew).toBe(3);
    expect(converted.doubtfulFigures).toEqual([
      'applicationsNew',
      'applicationsCarriedOver',
      'applicationsHandled',
      'applicationsCarriedForward',
    ]);
    expect(grid.doubtfulFigures).toEqual([]);
  });
});
