import { useCallback, useMemo, useState } from "react";

/** The leads ticked in the inbox, by key, for an action on all of them at once. */
export interface LeadSelection {
  keys: number[];
  has: (key: number) => boolean;
  setMany: (keys: readonly number[], selected: boolean) => void;
  clear: () => void;
}

export function useLeadSelection(): LeadSelection {
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const setMany = useCallback((keys: readonly number[], on: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      for (const key of keys) {
        if (on) next.add(key);
        else next.delete(key);
      }
      return next;
    });
  }, []);
  const clear = useCallback(() => setSelected(new Set()), []);
  return useMemo(
    () => ({ keys: [...selected], has: (key) => selected.has(key), setMany, clear }),
    [selected, setMany, clear],
  );
}
