import { createHash } from "node:crypto";

/**
 * Each API key is its own dealership account. Data is filed under a hash of
 * the key, so the database, the journal and the control API can name an
 * account without ever holding the key.
 */

export function accountIdFor(apiKey: string): string {
  return `acct_${createHash("sha256").update(apiKey).digest("hex").slice(0, 16)}`;
}

export type Accounts = ReturnType<typeof createAccounts>;

export function createAccounts(apiKeys: readonly string[]) {
  const byKey = new Map(apiKeys.map((key) => [key, accountIdFor(key)]));
  return {
    /** The account of a configured key; undefined for a missing or unknown one. */
    fromKey: (apiKey: string | undefined) => (apiKey === undefined ? undefined : byKey.get(apiKey)),
    /** The first configured account, which demo data goes to by default. */
    first: () => byKey.values().next().value,
    count: () => byKey.size,
  };
}
