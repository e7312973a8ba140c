import type { Script } from '../report/types';

// Characters common in these reports that differ between the scripts (Traditional, Simplified).
const TRADITIONAL =
  '開資與會們國發學為這來時對說經過還實進書長動陽關報業傳應條務衛計劃辦機構據規範總結內於網區縣鄉鎮處數項訊際門廣聯濟檢衆眾義並團圍單認議調論質導層級請審視觀覽現';
const SIMPLIFIED =
  '开资与会们国发学为这来时对说经过还实进书长动阳关报业传应条务卫计划办机构据规范总结内于网区县乡镇处数项讯际门广联济检众义并团围单认议调论质导层级请审视观览现';
/** Per UTF-16 code unit: 1 = a Traditional-only character above, 2 = a Simplified-only one (all are in the BMP). */
const KIND = new Uint8Array(0x10000);
for (const c of TRADITIONAL) if (!SIMPLIFIED.includes(c)) KIND[c.charCodeAt(0)] = 1;
for (const c of SIMPLIFIED) if (!TRADITIONAL.includes(c)) KIND[c.charCodeAt(0)] = 2;

/** Script by counting distinguishing characters in (a sample of) the text; ties read as Simplified. */
export function detectScript(text: string, sample = 20_000): Script {
  let trad = 0;
  let simp = 0;
  const end = Math.min(text.length, sample);
  for (let i = 0; i < end; i++) {
    const kind = KIND[text.charCodeAt(i)];
    if (kind === 1) trad++;
    else if (kind === 2) simp++;
  }
  return trad > simp ? 'hant' : 'hans';
}
