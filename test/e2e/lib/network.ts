/**
 * The network audit of the e2e files that say "nothing is fetched but …" (pdf.html, scanned PDFs, table
 * pictures): what reached a fixture server from the moment the audit begins, checked against the requests
 * the test expects. A server records each request as "host:port path" (lib/server.ts).
 */
export interface NetworkAudit {
  /** Every request the server got since the audit began, in order. */
  seen(): string[];
  /** Those of them not among `allowed`. */
  unexpected(allowed: Iterable<string>): string[];
}

/** Begins auditing `server` now: requests it got before are not counted. */
export function auditRequests(server: { requests: readonly string[] }): NetworkAudit {
  const from = server.requests.length;
  const seen = () => server.requests.slice(from);
  return {
    seen,
    unexpected(allowed) {
      const expected = new Set(allowed);
      return seen().filter((r) => !expected.has(r));
    },
  };
}
