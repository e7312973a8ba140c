import { describe, expect, it } from 'vitest';
import { repairOcrTerms } from '../../../utils/ocr/terms';

// Readings of Traditional scans (the corpus's seed-000 and seed-003 printed as scans, read by OCR) and what the
// page says there.
describe('repairOcrTerms', () => {
  it('puts back 開 and 動 in 主動公開 (勤 for 動, 開 lost)', () => {
    expect(repairOcrTerms('2020年，我委全年主勤公政府信息数2410條，')).toBe('2020年，我委全年主動公開政府信息数2410條，');
    expect(repairOcrTerms('多渠道主動公政府信息,')).toBe('多渠道主動公開政府信息,');
    expect(repairOcrTerms('四、依申請公政府信息情况')).toBe('四、依申請公開政府信息情况');
    expect(repairOcrTerms('修訂完善了瓣事公開、首問負制、依申請公等工作')).toBe('修訂完善了瓣事公開、首問負制、依申請公開等工作');
  });

  it('puts back 開 after 政府信息 before the words a heading has there', () => {
    expect(repairOcrTerms('六、因政府信息公申請行政復和提起申的情况')).toBe('六、因政府信息公開申請行政復議和提起申的情况');
    expect(repairOcrTerms('五、政府信息公的收費及减免情况')).toBe('五、政府信息公開的收費及减免情况');
  });

  it('puts back 議 of 行政復議 and 訴訟 of 行政訴訟', () => {
    expect(repairOcrTerms('2017年，我委未受理被申請行政復。')).toBe('2017年，我委未受理被申請行政復議。');
    expect(repairOcrTerms('因政府信息公開申請行政復或提起行政情况')).toBe('因政府信息公開申請行政復議或提起行政訴訟情况');
    expect(repairOcrTerms('五、政府信息公開行政復、行政讼情况')).toBe('五、政府信息公開行政復議、行政訴讼情况');
    expect(repairOcrTerms('申請行政復3件，提起行政0件')).toBe('申請行政復議3件，提起行政訴訟0件');
    expect(repairOcrTerms('未經復直接起')).toBe('未經復議直接起');
    expect(repairOcrTerms('復後起')).toBe('復議後起');
  });

  it('puts a glyph back in the script of the text around it (a Simplified page read by OCR)', () => {
    // seed-004's table 三 picture: its 不予公开 group label read short.
    expect(repairOcrTerms('（三）不予公')).toBe('（三）不予公开');
    expect(repairOcrTerms('主勤公政府信息209条')).toBe('主动公开政府信息209条');
    expect(repairOcrTerms('申请行政复3件，提起行政0件')).toBe('申请行政复议3件，提起行政诉讼0件');
  });

  it('leaves what is already whole, and words that only look alike', () => {
    for (const text of [
      '主动公开政府信息1574条',
      '主動公開政府信息1574條',
      '申请行政复议3件，提起行政诉讼0件',
      '因政府信息公开申请行政复议、提起行政诉讼情况',
      '完成了見面及書面答復工作。',
      '行政復核2件',
      '政府信息公布、公示',
      '依申請公布',
      '予以公示',
      '行政許可1552條，行政處罰信息68條。',
      '行政强制',
      '利用微信公眾號',
    ])
      expect(repairOcrTerms(text), text).toBe(text);
  });
});
