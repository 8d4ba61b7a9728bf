/**
 * The most recent API requests as received, for tests that need to see what
 * the app actually sent. Secrets never enter it: the ApiKey is replaced by the
 * account it belongs to.
 */

export interface JournalEntry {
  at: string;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  account: string | null;
}

const REDACTED_HEADERS = new Set(["apikey", "authorization", "cookie"]);
const CAPACITY = 1_000;

export type Journal = ReturnType<typeof createJournal>;

export function createJournal() {
  let entries: JournalEntry[] = [];

  return {
    record(request: Request, account: string | null, at: string) {
      const url = new URL(request.url);
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => {
        headers[name] = REDACTED_HEADERS.has(name) ? "[redacted]" : value;
      });
      entries.push({
        at,
        method: request.method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers,
        account,
      });
      if (entries.length > CAPACITY) entries = entries.slice(-CAPACITY);
    },
    /** The latest `limit` entries, oldest first. */
    latest: (limit: number) => entries.slice(-limit),
    clear() {
      entries = [];
    },
  };
}
