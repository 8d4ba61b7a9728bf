import type { ColumnVisibilityState } from "@tanstack/react-table";

/** Reads a stored column visibility map, ignoring anything that isn't `{ [columnId]: boolean }` (old or edited values). */
export function parseColumnVisibility(raw: string | null): ColumnVisibilityState {
  if (!raw) return {};
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value).filter((entry): entry is [string, boolean] => typeof entry[1] === "boolean"),
    );
  } catch {
    return {};
  }
}
