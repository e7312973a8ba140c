// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isGovPdfTab, looksLikePdfTab, looksLikePdfUrl, pdfLinks, pdfPageUrl, savedReportHref } from '../../../utils/pdf/url';

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

describe('looksLikePdfTab', () => {
  it('knows a PDF tab by its address, or by the file name the viewer shows as title', () => {
    expect(looksLikePdfTab({ url: 'http://www.example.gov.cn/xxgk/P020230130123456.pdf', title: '2022年度报告' })).toBe(true);
    // A download script without .pdf in the address: the viewer's title is the file name.
    expect(looksLikePdfTab({ url: 'http://www.example.gov.cn/download.do?id=3071', title: 'P020230130123456.pdf' })).toBe(true);
  });
  it('does not take a page, a non-http tab or a PDF it has no sign of', () => {
    expect(looksLikePdfTab({ url: 'http://www.example.gov.cn/art/2023/1/30/art_1_2.html', title: '2022年政府信息公开工作年度报告' })).toBe(
      false,
    );
    expect(looksLikePdfTab({ url: 'about:blank', title: 'x.pdf' })).toBe(false);
    // No .pdf anywhere and a title of its own: not recognised (the content type is out of reach).
    expect(looksLikePdfTab({ url: 'http://www.example.gov.cn/download.do?id=3071', title: '某区政府信息公开工作年度报告' })).toBe(false);
    expect(looksLikePdfTab({})).toBe(false);
  });
});

describe('isGovPdfTab', () => {
  it('marks PDF tabs on gov.cn hosts only', () => {
    expect(isGovPdfTab({ url: 'http://www.example.gov.cn/a/2022.pdf' })).toBe(true);
    expect(isGovPdfTab({ url: 'https://gov.cn/a/2022.pdf' })).toBe(true);
    expect(isGovPdfTab({ url: 'http://www.example.com/a/2022.pdf' })).toBe(false);
    expect(isGovPdfTab({ url: 'http://www.notgov.cn/a/2022.pdf' })).toBe(false);
    expect(isGovPdfTab({ url: 'http://www.example.gov.cn/a/2022.html', title: '2022年报' })).toBe(false);
  });
});

describe('savedReportHref', () => {
  it('opens a saved PDF in the PDF page and a saved page at its address', () => {
    expect(savedReportHref({ url: 'http://www.example.gov.cn/a/2022.pdf', sourceKind: 'pdf' }, '/pdf.html')).toBe(
      '/pdf.html?src=http%3A%2F%2Fwww.example.gov.cn%2Fa%2F2022.pdf',
    );
    expect(savedReportHref({ url: 'http://www.example.gov.cn/a/2022.html' }, '/pdf.html')).toBe('http://www.example.gov.cn/a/2022.html');
    expect(savedReportHref({ url: 'javascript:alert(1)', sourceKind: 'pdf' }, '/pdf.html')).toBeUndefined();
  });
});

describe('pdfLinks', () => {
  it('finds a report page’s PDF attachments, resolved, once each, leaving Word files and pages alone', () => {
    // As a CMS article ends: 附件 links under the body, one repeated in a sidebar, a Word copy beside.
    const doc = new DOMParser().parseFromString(
      `<div class="TRS_Editor"><p>附件：<a href="./P020230130123456.pdf">2022年政府信息公开工作年度报告.pdf</a></p>
       <p><a href="/module/download/downfile.jsp?classid=0&filename=2022nb.pdf">附件下载</a></p>
       <p><a href="/module/download/downfile.jsp?id=9">年报（word版）.doc</a></p>
       <p><a href="/download.do?id=77">附件2：统计表.pdf</a></p>
       <p><a href="../art/2022/1/1/art_1_1.html">2021年年报</a></p></div>
       <aside><a href="P020230130123456.pdf#page=2">年报PDF</a></aside>`,
      'text/html',
    );
    expect(pdfLinks(doc, 'http://www.example.gov.cn/art/2023/1/30/art_1_2.html')).toEqual([
      { url: 'http://www.example.gov.cn/art/2023/1/30/P020230130123456.pdf', label: '2022年政府信息公开工作年度报告.pdf' },
      { url: 'http://www.example.gov.cn/module/download/downfile.jsp?classid=0&filename=2022nb.pdf', label: '附件下载' },
      { url: 'http://www.example.gov.cn/download.do?id=77', label: '附件2：统计表.pdf' },
    ]);
  });
  it('skips javascript: and mailto: links even when their text says .pdf', () => {
    const doc = new DOMParser().parseFromString(
      '<a href="javascript:void(0)">年报.pdf</a><a href="mailto:x@example.gov.cn">x.pdf</a>',
      'text/html',
    );
    expect(pdfLinks(doc, 'http://www.example.gov.cn/')).toEqual([]);
  });
});
