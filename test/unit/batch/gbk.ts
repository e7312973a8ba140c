/**
 * GBK bytes for test pages, as a gov.cn CMS writes them. Node has no GBK encoder (iconv is not a
 * dependency); its decoder is complete, so the table is built by decoding every two-byte GBK code once.
 */
let table: Map<string, [number, number]> | null = null;

function gbkTable(): Map<string, [number, number]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gbk', { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
      } catch {
        // not a GBK code
      }
    }
  }
  return table;
}

/** Text → GBK bytes; throws on a character GBK lacks (a fixture must not silently lose text). */
export function encodeGbk(text: string): Uint8Array {
  const map = gbkTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const pair = map.get(ch);
    if (!pair) throw new Error(`no GBK code for ${ch} (U+${code.toString(16)})`);
    out.push(pair[0], pair[1]);
  }
  return new Uint8Array(out);
}
