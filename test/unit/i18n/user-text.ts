/**
 * Finds user text written into product code instead of the catalogue (utils/i18n), with the TypeScript
 * compiler's own parser (comments are never read as text):
 * - a string or template literal holding Chinese (Han) characters;
 * - JSX text holding Chinese or an English word (two or more letters with a lower-case one: "English",
 *   not "PDF"), and the same in the attributes a reader sees or hears (title, aria-label, placeholder, alt, label).
 * Module specifiers are not text. What is data rather than UI is decided by the caller's allow-list.
 */
import ts from 'typescript';

export interface HardCodedText {
  file: string;
  line: number;
  kind: 'string' | 'jsx-text' | 'jsx-attribute';
  text: string;
}

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
/** An English word in JSX: two or more letters, one of them lower case (an acronym such as PDF is a name). */
const WORD = /(?=[A-Za-z]*[a-z])[A-Za-z]{2,}/;
const SEEN_ATTRIBUTES = new Set(['title', 'aria-label', 'aria-description', 'placeholder', 'alt', 'label']);

function isModuleSpecifier(node: ts.Node): boolean {
  const p = node.parent;
  return (
    !!p &&
    (ts.isImportDeclaration(p) ||
      ts.isExportDeclaration(p) ||
      ts.isExternalModuleReference(p) ||
      ts.isImportTypeNode(p.parent ?? p) ||
      (ts.isCallExpression(p) && p.expression.kind === ts.SyntaxKind.ImportKeyword))
  );
}

export function hardCodedText(file: string, source: string): HardCodedText[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const out: HardCodedText[] = [];
  const add = (node: ts.Node, k: HardCodedText['kind'], text: string) =>
    out.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, kind: k, text: text.trim() });
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      if (HAN.test(node.text) || WORD.test(node.text)) add(node, 'jsx-text', node.text);
    } else if (ts.isJsxAttribute(node)) {
      const value = node.initializer;
      if (value && ts.isStringLiteral(value) && SEEN_ATTRIBUTES.has(node.name.getText(sf))) {
        if (HAN.test(value.text) || WORD.test(value.text)) add(node, 'jsx-attribute', `${node.name.getText(sf)}="${value.text}"`);
        return;
      }
    } else if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      if (HAN.test(node.text) && !isModuleSpecifier(node)) add(node, 'string', node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}
