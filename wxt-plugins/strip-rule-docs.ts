/**
 * Build-time plugin: drops `meta.docs` from the rule modules (utils/rules/<id>.ts) in the extension's
 * bundles. The docs (what a rule checks, why, an example; ~24 KB of text) are read only by
 * cli/rules-doc.ts to write docs/rules.md; no page of the extension shows them, and every byte of the
 * report script is parsed on each report page. Messages, severity and category stay.
 * Build only: tests and the CLI run the sources as they are.
 */
import MagicString from 'magic-string';
import type { Plugin } from 'vite';

const RULE_MODULE = /\/utils\/rules\/[a-z0-9-]+\.ts$/;

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

const isNode = (x: unknown): x is Node => !!x && typeof x === 'object' && typeof (x as Node).type === 'string';
const keyName = (p: Node) => {
  const key = p.key as Node | undefined;
  return key?.type === 'Identifier' ? (key.name as string) : key?.type === 'Literal' ? String(key.value) : null;
};

/** The `docs` properties of every `meta: { … }` object literal in the module. */
function docsProperties(root: Node): Node[] {
  const found: Node[] = [];
  const visit = (node: Node) => {
    if (node.type === 'Property' && keyName(node) === 'meta' && isNode(node.value) && node.value.type === 'ObjectExpression') {
      for (const p of node.value.properties as Node[]) if (p.type === 'Property' && keyName(p) === 'docs') found.push(p);
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) for (const v of value) isNode(v) && visit(v);
      else if (isNode(value)) visit(value);
    }
  };
  visit(root);
  return found;
}

export function stripRuleDocs(): Plugin {
  return {
    name: 'report-lens:strip-rule-docs',
    apply: 'build',
    enforce: 'post',
    transform(code, id) {
      if (!RULE_MODULE.test(id.split('?')[0]!)) return null;
      const props = docsProperties(this.parse(code) as unknown as Node);
      if (!props.length) return null;
      const s = new MagicString(code);
      for (const p of props) {
        // The property and the comma after it ("docs: {…}," → "").
        const comma = /^\s*,/.exec(code.slice(p.end));
        s.remove(p.start, p.end + (comma ? comma[0].length : 0));
      }
      return { code: s.toString(), map: s.generateMap({ hires: true }) };
    },
  };
}
