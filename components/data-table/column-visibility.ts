import type { ColumnVisibilityState } from "@tanstack/react-table";

/** What the table shows: the person's saved choices over the defaults (hidden for `hiddenByDefault`, else shown). */
export function shownColumns(
  saved: ColumnVisibilityState | null | undefined,
  hiddenByDefault: readonly string[],
): ColumnVisibilityState {
  return { ...Object.fromEntries(hiddenByDefault.map((id) => [id, false])), ...saved };
}

/**
 * The choices to save after a change from `shown` to `next`: what was saved
 * before plus the columns that changed, so a column the person never touched
 * keeps following its default; undefined when nothing changed.
 */
export function choicesAfterChange(
  saved: ColumnVisibilityState | null | undefined,
  shown: ColumnVisibilityState,
  next: ColumnVisibilityState,
): ColumnVisibilityState | undefined {
  const changed = Object.entries(next).filter(([id, visible]) => visible !== (shown[id] ?? true));
  return changed.length > 0 ? { ...saved, ...Object.fromEntries(changed) } : undefined;
}
