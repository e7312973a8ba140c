import { describe, expect, it } from 'vitest';
import { looksLikePdfUrl, pdfPageUrl } from '../../../utils/pdf/url';

describe('looksLikePdfUrl', () => {
  it('takes http(s) addresses of .pdf files, also named in a download script’s query', () => {
    expect(looksLikePdfUrl('http://www.example.gov.cn/xxgk/2023/P020230130123456.pdf')).toBe(true);
    expect(looksLikePdfUrl('https://www.example.gov.cn/files/%E5%B9%B4%E6%8A%A5.PDF')).toBe(true);
    expect(looksLikePdfUrl('http://www.example.gov.cn/download.jsp?fileName=2022%E5%B9%B4%E6%8A%A5.pdf&id=3')).toBe(true);
  });
  it('leaves pages, other schemes and nonsense alone', () => {
    expect(looksLikePdfUrl('http://www.example.gov.cn/art/2023/1/30/art_1_2.html')).toBe(false);
    expect(looksLikePdfUrl('http://www.example.gov.cn/pdf/index.html')).toBe(false);
    expect(looksLikePdfUrl('file:///home/me/report.pdf')).toBe(false);
    expect(looksLikePdfUrl('chrome-extension://abc/pdf.html?src=x.pdf')).toBe(false);
    expect(looksLikePdfUrl('not a url')).toBe(false);
    expect(looksLikePdfUrl(undefined)).toBe(false);
  });
});

describe('pdfPageUrl', () => {
  it('encodes the source address as one parameter', () => {
    expect(pdfPageUrl('chrome-extension://id/pdf.html', 'http://www.example.gov.cn/a b.pdf?x=1&y=2')).toBe(
      'chrome-extension://id/pdf.html?src=http%3A%2F%2Fwww.example.gov.cn%2Fa%20b.pdf%3Fx%3D1%26y%3D2',
    );
  });
});
