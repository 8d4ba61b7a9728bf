"use client";

import { useCallback, useRef, useState } from "react";
import type { ReviewedRow } from "@/lib/csv";
import type { Pipeline } from "@/components/upload-wizard/use-pipeline";

// Rows are fetched from the worker in blocks, so scrolling asks for a few blocks, not every row.
const BLOCK_SIZE = 100;

export interface ReviewRows {
  /** The row at a position of the current view, once its block has arrived. */
  rowAt: (position: number) => ReviewedRow | undefined;
  /** Asks for the blocks covering positions [start, end) that haven't been asked for. */
  load: (start: number, end: number) => void;
  /** Swaps in rows the worker checked again after an edit. */
  replace: (rows: readonly ReviewedRow[]) => void;
}

/** A window onto the worker's current view of `total` rows; remount (change the key) when the view changes. */
export function useReviewRows(run: Pipeline["run"], total: number): ReviewRows {
  const [blocks, setBlocks] = useState<ReadonlyMap<number, ReviewedRow[]>>(() => new Map());
  const requested = useRef(new Set<number>());

  const load = useCallback(
    (start: number, end: number) => {
      for (let block = Math.floor(start / BLOCK_SIZE); block * BLOCK_SIZE < Math.min(end, total); block++) {
        if (requested.current.has(block)) continue;
        requested.current.add(block);
        void run({ type: "rows", start: block * BLOCK_SIZE, end: (block + 1) * BLOCK_SIZE }).then(
          (rows) => setBlocks((current) => new Map(current).set(block, rows)),
          () => requested.current.delete(block),
        );
      }
    },
    [run, total],
  );

  const replace = useCallback((rows: readonly ReviewedRow[]) => {
    const byIndex = new Map(rows.map((row) => [row.index, row]));
    setBlocks((current) => {
      const next = new Map<number, ReviewedRow[]>();
      for (const [block, blockRows] of current) {
        next.set(
          block,
          blockRows.some((row) => byIndex.has(row.index))
            ? blockRows.map((row) => byIndex.get(row.index) ?? row)
            : blockRows,
        );
      }
      return next;
    });
  }, []);

  const rowAt = (position: number) => blocks.get(Math.floor(position / BLOCK_SIZE))?.[position % BLOCK_SIZE];
  return { rowAt, load, replace };
}
