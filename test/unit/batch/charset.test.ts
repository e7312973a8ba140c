import { describe, expect, it } from 'vitest';
import { bodyKind, charsetFromContentType, decodeBody } from '../../../utils/batch/charset';

// 年报政府中文 in GBK, bytes checked against iconv -t gbk.
const GBK_TEXT = [0xc4, 0xea, 0xb1, 0xa8, 0xd5, 0xfe, 0xb8, 0xae, 0xd6, 0xd0, 0xce, 0xc4];
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const bytes = (...parts: number[][]) => new Uint8Array(parts.flat());
const utf8 = (s: string) => [...new TextEncoder().encode(s)];

describe('decodeBody', () => {
  it('honours a UTF-8 byte-order mark and drops it', () => {
    const out = decodeBody(bytes([0xef, 0xbb, 0xbf], utf8('<p>年报</p>')), 'text/html; charset=gbk');
    expect(out).toEqual({ text: '<p>年报</p>', charset: 'utf-8', source: 'bom' });
  });

  it('reads GBK declared by <meta charset="gb2312"> (as GB 18030, its superset)', () => {
    const out = decodeBody(bytes(ascii('<html><head><meta charset="gb2312"></head><body>'), GBK_TEXT), 'text/html');
    expect(out.text).toBe('<html><head><meta charset="gb2312"></head><body>年报政府中文');
    expect(out.charset).toBe('gb18030');
    expect(out.source).toBe('meta');
  });

  it('reads the http-equiv form of the meta declaration', () => {
    const head = '<meta http-equiv="Content-Type" content="text/html; charset=GBK" />';
    const out = decodeBody(bytes(ascii(head), GBK_TEXT));
    expect(out.text.endsWith('年报政府中文')).toBe(true);
    expect(out.source).toBe('meta');
  });

  it('lets the Content-Type header win over the meta tag', () => {
    const out = decodeBody(bytes(ascii('<meta charset="utf-8">'), GBK_TEXT), 'text/html;charset="GB2312"');
    expect(out.text).toBe('<meta charset="utf-8">年报政府中文');
    expect(out.source).toBe('header');
  });

  it('treats a false UTF-8 label as no label and falls back to GB 18030', () => {
    const out = decodeBody(bytes(ascii('<p>'), GBK_TEXT), 'text/html; charset=UTF-8');
    expect(out).toEqual({ text: '<p>年报政府中文', charset: 'gb18030', source: 'sniffed' });
  });

  it('sniffs undeclared UTF-8 and undeclared GBK', () => {
    expect(decodeBody(bytes(utf8('<p>政府信息公开</p>')), 'text/html')).toEqual({
      text: '<p>政府信息公开</p>',
      charset: 'utf-8',
      source: 'sniffed',
    });
    expect(decodeBody(bytes(GBK_TEXT), null).text).toBe('年报政府中文');
  });

  it('ignores an unknown charset label', () => {
    expect(charsetFromContentType('text/html; charset=x-no-such-thing')).toBeNull();
    expect(decodeBody(bytes(utf8('年报')), 'text/html; charset=x-no-such-thing').text).toBe('年报');
  });
});

describe('bodyKind', () => {
  it('knows a PDF by its bytes whatever the header says', () => {
    expect(bodyKind(bytes(ascii('%PDF-1.7\n%âãÏÓ')), 'application/octet-stream')).toBe('pdf');
    expect(bodyKind(bytes(ascii('\r\n%PDF-1.4')), 'text/html')).toBe('pdf');
  });

  it('knows HTML by its markup even when served as text/plain', () => {
    expect(bodyKind(bytes(ascii('<!DOCTYPE html><html>')), 'text/plain')).toBe('html');
    expect(bodyKind(bytes(ascii('\n\n<HTML><HEAD>')), null)).toBe('html');
  });

  it('calls anything else other (Word files, images, JSON)', () => {
    expect(bodyKind(bytes([0xd0, 0xcf, 0x11, 0xe0]), 'application/msword')).toBe('other');
    expect(bodyKind(bytes(ascii('{"a":1}')), 'application/json')).toBe('other');
  });
});
