import { restoreMapping, type ColumnMapping } from "@/lib/csv";

const KEY_PREFIX = "recapture:column-mapping:";

/** Storage as the browser's localStorage offers it; tests pass a Map-backed stand-in. */
export type MappingStorage = Pick<Storage, "getItem" | "setItem">;

/** The mapping chosen last time for a file with these headers, if any and still well formed. */
export function loadSavedMapping(
  storage: MappingStorage,
  signature: string,
  headers: readonly string[],
): ColumnMapping[] | undefined {
  try {
    const saved = storage.getItem(KEY_PREFIX + signature);
    return saved === null ? undefined : restoreMapping(headers, JSON.parse(saved));
  } catch {
    // Unreadable JSON or storage switched off: start from the suggested mapping.
    return undefined;
  }
}

export function saveMapping(
  storage: MappingStorage,
  signature: string,
  mapping: readonly ColumnMapping[],
): void {
  try {
    storage.setItem(KEY_PREFIX + signature, JSON.stringify(mapping));
  } catch {
    // A full or disabled storage only costs the convenience of remembering.
  }
}
