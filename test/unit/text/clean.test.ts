import { describe, expect, it } from 'vitest';
import { cleanString, cleanText } from '../../../utils/text/clean';
import { toSimplified } from '../../../utils/text/convert';
import { parseChineseNumber } from '../../../utils/text/numerals';
import { detectScript } from '../../../utils/text/script';

describe('cleanText', () => {
  it('drops ruby pinyin in its extracted form and keeps real brackets', () => {
    expect(cleanText('市政務(wù)公開工作領(lǐng)導(dǎo)小組').text).toBe('市政務公開工作領導小組');
    expect(cleanText('支持互聯網協議第六版(IPv6)').text).toBe('支持互聯網協議第六版(IPv6)');
    expect(cleanText('（以下簡稱《條例》）').text).toBe('(以下簡稱《條例》)');
  });

  it('folds full-width digits, letters and brackets; cleans spaces and zero-width characters', () => {
    expect(cleanText('主動公開１５７４條（ＡＢ）').text).toBe('主動公開1574條(AB)');
    expect(cleanText('a\u00a0\u00a0b\u200bc\ufeffd\u3000e').text).toBe('a bcd e');
    expect(cleanText('懷公開辦﹝2018﹞10號').text).toBe('懷公開辦〔2018〕10號');
  });

  it('drops ? artefacts and markdown ** but keeps a full-width question mark', () => {
    expect(cleanText('?一、概述').text).toBe('一、概述');
    expect(cleanText('??????張掖市衛生委員會\n    ????2018年2月5日').text).toBe('張掖市衛生委員會\n2018年2月5日');
    expect(cleanText('**二是**为进一步推进').text).toBe('二是为进一步推进');
    expect(cleanText('是否公开？').text).toBe('是否公开？');
  });

  it('maps every output character back to its input offset', () => {
    const input = '  ?一、政務(wù)公開';
    const { text, map } = cleanText(input);
    expect(text).toBe('一、政務公開');
    for (let i = 0; i < text.length; i++) expect(input[map[i]!]).toBe(text[i]);
    expect(map[text.length]).toBe(input.length);
  });

  it('writes runs of kept characters as they are, between the characters it changes, with their offsets', () => {
    // Runs at the start, between a space, a folded digit, a dropped zero-width character and a line break, and at the end.
    const input = '本机关2023年 主动公开１２条\u200b政府信息\n 其中规章0件';
    const { text, map } = cleanText(input);
    expect(text).toBe('本机关2023年 主动公开12条政府信息\n其中规章0件');
    expect(Array.from(map.subarray(0, 10))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // "条" after the dropped zero-width character keeps its own offset; "其" after the line break and its space.
    expect(map[text.indexOf('政')]).toBe(input.indexOf('政'));
    expect(map[text.indexOf('其')]).toBe(input.indexOf('其'));
    expect(map[text.indexOf('\n')]).toBe(input.indexOf('\n'));
    expect(map[text.length]).toBe(input.length);
    // A text with nothing to change is itself, offset for offset.
    const plain = cleanText('政府信息公开工作年度报告');
    expect(plain.text).toBe('政府信息公开工作年度报告');
    expect(Array.from(plain.map)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('cleans a string alone (cleanString) to the text cleanText gives, short, growing and long', () => {
    const inputs = [
      '',
      '  合计  ',
      '主动公开１５７４条（ＡＢ）\u200b',
      ' 政務(wù)公開 '.repeat(20),
      `${'本年新收\n\n '.repeat(700)}?`,
      '件',
    ];
    // Each after a longer one, so a reused map never leaks into a shorter string's text.
    for (const input of [...inputs, ...inputs.reverse()]) expect(cleanString(input)).toBe(cleanText(input).text);
    expect(cleanString(' 政務(wù)公開 '.repeat(20))).toBe('政務公開 '.repeat(19) + '政務公開');
  });

  it('collapses blank lines and trims line ends', () => {
    expect(cleanText('一、概述  \n\n\n  正文').text).toBe('一、概述\n正文');
  });

  it('maps a shortened text with a map exactly one longer than the text', () => {
    const { text, map } = cleanText(' a\u200b**b  \n\n c ');
    expect(text).toBe('ab\nc');
    expect([...map]).toEqual([1, 5, 8, 11, 13]);
  });
});

describe('script and conversion', () => {
  it('detects Traditional and Simplified text', () => {
    expect(detectScript('張掖市衛生和計劃生育委員會2017年政府信息公開工作年度報告')).toBe('hant');
    expect(detectScript('平邑县卫生健康局2023年政府信息公开工作年度报告')).toBe('hans');
  });

  it('converts Traditional to mainland Simplified', () => {
    expect(toSimplified('結轉下年度繼續辦理；未經復議直接起訴；總計')).toBe('结转下年度继续办理；未经复议直接起诉；总计');
  });
});

describe('parseChineseNumber', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十三', 23],
    ['九', 9],
    ['12', 12],
  ])('%s → %i', (text, value) => expect(parseChineseNumber(text)).toBe(value));
  it('rejects non-numerals', () => expect(parseChineseNumber('第一')).toBeNull());
});
