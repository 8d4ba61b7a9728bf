"use client";

import { useEffect, useState } from "react";

/**
 * Whether a box is narrower than its content, kept true to the box as either
 * changes size (a phone turned, a long audit entry arriving). A box that
 * scrolls sideways must be reachable by keyboard, or keyboard users can't see
 * the columns past its edge (axe's scrollable-region-focusable); one that
 * doesn't scroll shouldn't add a tab stop that does nothing.
 */
export function useScrollsSideways<T extends HTMLElement>(): [(box: T | null) => void, boolean] {
  // A callback ref (the state's setter): the effect runs again when the box it measures is replaced.
  const [box, setBox] = useState<T | null>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    if (!box) return;
    const measure = () => setScrolls(box.scrollWidth > box.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    // The content's width changes without the box's: watch the table inside too.
    for (const child of box.children) observer.observe(child);
    return () => observer.disconnect();
  }, [box]);
  return [setBox, scrolls];
}
