"use client";

import { useLayoutEffect } from "react";

/**
 * Records a performance measure named `name` from when a query's data arrived
 * (`dataUpdatedAt`, epoch ms) to when the rows built from it are in the
 * document, so the cost of rendering a large page can be read in tests and in
 * the browser's performance panel.
 */
export function useRenderMeasure(name: string, dataUpdatedAt: number | undefined) {
  useLayoutEffect(() => {
    if (!dataUpdatedAt) return;
    performance.measure(name, {
      start: Math.max(dataUpdatedAt - performance.timeOrigin, 0),
      end: performance.now(),
    });
  }, [name, dataUpdatedAt]);
}
