/** The README's "## Permissions" table, read for the manifest and store-listing tests. */

export interface Grants {
  api: string[];
  hosts: string[];
  optionalApi: string[];
  optionalHosts: string[];
}

/** A match pattern (host permission) rather than an API permission name. */
export const isPattern = (p: string) => p === '<all_urls>' || p.includes('://');

/**
 * The README's Permissions table: `| [optional ][host ]`name`[ (Chrome only)] | why |`. An entry marked for
 * one browser counts only for that browser's build (target 'chrome-mv3', 'firefox-mv2'); without a target,
 * every entry.
 */
export function readmeGrants(readme: string, target?: string): Grants & { reasons: Record<string, string> } {
  const section = readme.split(/^## Permissions\s*$/m)[1]?.split(/^## /m)[0];
  if (!section) throw new Error('README.md has no "## Permissions" section');
  const out = {
    api: [] as string[],
    hosts: [] as string[],
    optionalApi: [] as string[],
    optionalHosts: [] as string[],
    reasons: {} as Record<string, string>,
  };
  for (const line of section.split('\n')) {
    const m = /^\|\s*(optional\s+)?(host\s+)?`([^`]+)`\s*(?:\((Chrome|Firefox) only\)\s*)?\|\s*(.*?)\s*\|\s*$/.exec(line);
    if (!m) continue;
    const [, optional, host, name, only, why] = m as unknown as [
      string,
      string | undefined,
      string | undefined,
      string,
      string | undefined,
      string,
    ];
    if (only && target && !target.startsWith(only.toLowerCase())) continue;
    const isHost = !!host || isPattern(name);
    const list = optional ? (isHost ? out.optionalHosts : out.optionalApi) : isHost ? out.hosts : out.api;
    list.push(name);
    out.reasons[name] = why;
  }
  return out;
}
