"use client";

import { functionalUpdate, type ColumnVisibilityState, type Updater } from "@tanstack/react-table";
import { useCallback, useMemo, useSyncExternalStore } from "react";
import { parseColumnVisibility } from "@/components/data-table/column-visibility";

// `storage` events only reach other tabs, so this tab's own writes are announced here.
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function read(storageKey: string): string | null {
  try {
    return window.localStorage.getItem(storageKey);
  } catch {
    return null; // storage blocked (privacy settings): every column shows
  }
}

/**
 * Column visibility remembered per browser in localStorage. The server render
 * shows every column; the stored choice applies as soon as the page hydrates.
 */
export function useColumnVisibility(storageKey: string) {
  const raw = useSyncExternalStore(
    subscribe,
    () => read(storageKey),
    () => null,
  );
  const visibility = useMemo(() => parseColumnVisibility(raw), [raw]);

  const setVisibility = useCallback(
    (updater: Updater<ColumnVisibilityState>) => {
      const next = functionalUpdate(updater, parseColumnVisibility(read(storageKey)));
      try {
        window.localStorage.setItem(storageKey, JSON.stringify(next));
      } catch {
        return;
      }
      for (const listener of listeners) listener();
    },
    [storageKey],
  );

  return [visibility, setVisibility] as const;
}
