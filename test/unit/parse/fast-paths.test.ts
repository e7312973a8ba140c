/**
 * The parser's cheaper ways of asking the DOM and the text (sprint 3 performance work) answer what
 * the slower ways answered: the article root by element walk or by selector matching, a table
 * cell's nested table or long text in one walk, whitespace by code unit, the head's metas by walk.
 * Expected values are written by hand from the markup in each test.
 */
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { htmlToDocument } from '../../../cli/dom';
import { findArticleRoot, hasTextLength } from '../../../utils/parse/article';
import { isWhitespace } from '../../../utils/parse/facts';
import { readMetadataFields, readMetaTags } from '../../../utils/parse/metadata';
import { buildTextView, isDataTable } from '../../../utils/parse/text-view';
import { bySiblingLinks } from '../../../utils/parse/walk';
import { detectScript } from '../../../utils/text/script';

const LONG = '本机关坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开。'.repeat(6); // 252 characters

/** The same markup in Node's DOM (linkedom), in happy-dom, and in happy-dom without a doctype. */
function doms(body: string): Array<[string, Document]> {
  const standards = `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;
  const quirks = `<html><head><title>t</title></head><body>${body}</body></html>`;
  return [
    ['linkedom', htmlToDocument(standards)],
    ['happy-dom', new DOMParser().parseFromString(standards, 'text/html')],
    ['happy-dom, no doctype', new DOMParser().parseFromString(quirks, 'text/html')],
  ];
}

describe('findArticleRoot', () => {
  it('prefers the earlier selector in priority order, not the earlier element in the page', () => {
    const body = `<div class="nav">首页</div><article id="a">${LONG}</article><div id="zoom" class="x">${LONG}</div>`;
    for (const [name, doc] of doms(body)) expect(findArticleRoot(doc).id, name).toBe('zoom');
  });

  it('takes the best class of an element with several, and skips a container with too little text', () => {
    const body = `<div class="TRS_Editor" id="short">简短</div><div class="left  article-content\tTRS_Editor" id="both">${LONG}</div>`;
    for (const [name, doc] of doms(body)) expect(findArticleRoot(doc).id, name).toBe('both');
  });

  it('splits classes at ASCII whitespace only, as browsers do: a no-break space belongs to the class name', () => {
    // happy-dom only: Node's DOM (linkedom) rewrites a class attribute's whitespace to spaces itself.
    for (const [name, doc] of doms(`<div id="nbsp">${LONG}</div>`).slice(1)) {
      doc.getElementById('nbsp')!.setAttribute('class', 'TRS_Editor\u00a0x');
      expect(findArticleRoot(doc).tagName, name).toBe('BODY');
    }
  });

  it('needs 200 characters of text as textContent counts them: nested nodes count, comments do not', () => {
    const text = (n: number) => '公'.repeat(n);
    for (const [name, doc] of doms(`<div id="zoom"><p>${text(150)}</p><span><b>${text(49)}</b></span><!--${text(300)}--></div>`)) {
      const zoom = doc.getElementById('zoom')!;
      expect(hasTextLength(zoom, 200), name).toBe(false);
      expect(hasTextLength(zoom, 199), name).toBe(true);
      expect(findArticleRoot(doc).tagName, name).toBe('BODY');
      zoom.append('一');
      expect(findArticleRoot(doc).id, name).toBe('zoom');
    }
  });

  it('matches class and id exactly in a standards-mode page', () => {
    const body = `<div class="trs_editor" id="lower">${LONG}</div>`;
    const [[, linkedom], [, happy]] = doms(body);
    expect(findArticleRoot(linkedom).tagName).toBe('BODY');
    expect(findArticleRoot(happy).tagName).toBe('BODY');
  });
});

describe('isDataTable', () => {
  const table = (cells: string) => {
    const doc = htmlToDocument(
      `<!doctype html><html><body><table id="t"><tr><td>项目</td><td>数量</td></tr><tr>${cells}</tr></table></body></html>`,
    );
    return doc.getElementById('t') as HTMLTableElement;
  };

  it('is data with two short cells a row', () => {
    expect(isDataTable(table('<td>主动公开</td><td><span>1</span>2</td>'))).toBe(true);
  });

  it('is layout when a cell holds a table, however deep', () => {
    expect(isDataTable(table('<td>a</td><td><div><p><table><tr><td>x</td></tr></table></p></div></td>'))).toBe(false);
  });

  it('counts text across the nodes of a cell: 400 characters is data, 401 is layout', () => {
    const a = '公'.repeat(200);
    expect(isDataTable(table(`<td>a</td><td><p>${a}</p><b>${a}</b></td>`))).toBe(true);
    expect(isDataTable(table(`<td>a</td><td><p>${a}</p><b>${a}</b>x</td>`))).toBe(false);
  });

  it('does not count comments as text', () => {
    expect(isDataTable(table(`<td>a</td><td><!--${'注'.repeat(500)}-->1</td>`))).toBe(true);
  });
});

describe('isWhitespace', () => {
  it('agrees with /\\s/ on every UTF-16 code unit', () => {
    const disagree: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isWhitespace(c) !== /\s/.test(String.fromCharCode(c))) disagree.push(c);
    expect(disagree).toEqual([]);
  });
});

describe('detectScript', () => {
  it('counts the distinguishing characters of each script; a tie reads as Simplified', () => {
    expect(detectScript('政府資訊公開工作年度報告')).toBe('hant');
    expect(detectScript('政府信息公开工作年度报告')).toBe('hans');
    expect(detectScript('報告 报告')).toBe('hans');
    expect(detectScript('2023')).toBe('hans');
  });
});

describe('head metas and field labels', () => {
  it('reads named metas anywhere under <head>, in order, and none from the body', () => {
    const doc =
      htmlToDocument(`<!doctype html><html><head><meta name="PubDate" content="2023-01-30"><noscript><meta name="pubdate" content="2099-01-01"></noscript>
<meta property="SiteName" content="无名"><meta name="SiteName" content="东岭县人民政府"></head>
<body><meta name="ColumnName" content="正文里的"><p>正文</p></body></html>`);
    expect(readMetaTags(doc)).toEqual({ pubDate: '2023-01-30', siteName: '东岭县人民政府' });
  });

  it('reads labels with spaces and colons around them, in both scripts, and ignores longer text', () => {
    const doc = htmlToDocument(`<!doctype html><html><body><table>
<tr><td>索 引 号：</td><td>11440300MB2C00000X/2023-00012</td></tr>
<tr><td>發布機構</td><td>东岭县应急管理局</td></tr>
<tr><td>成文日期：</td><td>2023-01-20</td></tr>
<tr><td>发布日期以页面为准</td><td>2023-01-31</td></tr>
</table></body></html>`);
    expect(readMetadataFields(doc)).toEqual({ indexNumber: '11440300MB2C00000X/2023-00012', publisher: '东岭县应急管理局' });
  });
});

describe('walks by index or by sibling links (sprint 7)', () => {
  it('follows sibling links only where the DOM builds a new child list per read (linkedom)', () => {
    const [[, linked], [, happy]] = doms('<p>x</p>');
    expect(bySiblingLinks(linked!.body)).toBe(true);
    expect(bySiblingLinks(happy!.body)).toBe(false);
  });

  it('reads the same article text, tables and images either way', () => {
    const body = `<div id="zoom"><p>一、总体情况</p><img src="a.png"><table><tr><td>项目</td><td><b>数</b>量</td></tr>
<tr><td>新收</td><td>5</td></tr></table><pre>甲
乙</pre><p>二、其他<span hidden>隐藏</span><script>var x;</script></p></div>`;
    for (const [name, doc] of doms(body)) {
      const view = buildTextView(doc.body);
      expect(view.text, name).toBe('一、总体情况\n项目 | 数量 |\n新收 | 5 |\n甲\n乙\n二、其他');
      expect(view.images, name).toEqual([6]);
      expect(
        view.tables.map((t) => [t.data, view.text.slice(t.range.start, t.range.end)]),
        name,
      ).toEqual([[true, '项目 | 数量 |\n新收 | 5 |\n']]);
    }
  });
});
