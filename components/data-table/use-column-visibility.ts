"use client";

import { useQuery } from "@tanstack/react-query";
import { functionalUpdate, type ColumnVisibilityState, type Updater } from "@tanstack/react-table";
import { useCallback, useMemo } from "react";
import { choicesAfterChange, shownColumns } from "@/components/data-table/column-visibility";
import type { ColumnPreferenceName } from "@/lib/preferences/user-preferences";
import { preferenceQueries, useSavePreference } from "@/lib/queries/preferences";

export interface ColumnVisibilityOptions {
  /** The person's saved choice as the page was served (null: none yet), so the first paint already shows it. */
  initial?: ColumnVisibilityState | null;
  /** Columns hidden until the person shows them; every other column shows until hidden. */
  hiddenByDefault?: readonly string[];
}

const NONE: readonly string[] = [];

/**
 * Column visibility remembered per person on the server (the preference
 * `name`), so it follows them to another browser. A change shows at once and
 * is saved in the background.
 */
export function useColumnVisibility(
  name: ColumnPreferenceName,
  { initial, hiddenByDefault = NONE }: ColumnVisibilityOptions = {},
) {
  const { data: saved, isPending } = useQuery({
    ...preferenceQueries.detail(name),
    ...(initial !== undefined && { initialData: initial }),
  });
  const { mutate: save } = useSavePreference(name);
  const visibility = useMemo(() => shownColumns(saved, hiddenByDefault), [saved, hiddenByDefault]);

  const setVisibility = useCallback(
    (updater: Updater<ColumnVisibilityState>) => {
      // Until the saved choices are known a save would overwrite them; the page passes them in to avoid the wait.
      if (isPending) return;
      const choices = choicesAfterChange(saved, visibility, functionalUpdate(updater, visibility));
      if (choices) save(choices);
    },
    [isPending, save, saved, visibility],
  );

  return [visibility, setVisibility] as const;
}
