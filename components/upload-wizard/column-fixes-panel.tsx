"use client";

import { useEffect, useRef } from "react";
import { DATE_FORMAT_LABELS, type ColumnFixAction, type FixSummary, type ProblemGroup } from "@/lib/csv";
import { Button } from "@/components/ui/button";
import { formatCount, formatQuantity } from "@/lib/format";

export interface ColumnFixesPanelProps {
  groups: readonly ProblemGroup[];
  fixes: readonly FixSummary[];
  busy: boolean;
  /** A group to bring into view and focus, when the Send step links back to it. */
  focusKey?: string;
  onFix: (group: ProblemGroup, action: ColumnFixAction) => void;
  onUndo: (fix: FixSummary) => void;
}

/** A key as an element id: the group keys hold a colon. */
export const problemGroupId = (key: string) => `problem-${key.replace(/[^\w-]/g, "-")}`;

// Long labels wrap on a phone rather than run off the screen.
const WRAPPING = "h-auto min-h-8 max-w-full whitespace-normal! py-1 text-left";

function these(rows: number): string {
  return rows === 1 ? "this row" : `these ${formatCount(rows)} rows`;
}

/**
 * Each problem that several rows share in one column, with one action for all of them:
 * send them without the (optional) field, read the column's dates in another format,
 * or don't send rows that would go with a warning. Applied fixes are listed with Undo.
 */
export function ColumnFixesPanel({ groups, fixes, busy, focusKey, onFix, onUndo }: ColumnFixesPanelProps) {
  const list = useRef<HTMLUListElement>(null);
  const fixable = groups.filter(
    (group) => group.canSendWithout || group.readAs.length > 0 || group.severity === "warning",
  );

  useEffect(() => {
    if (!focusKey) return;
    const item = list.current?.querySelector<HTMLElement>(`#${problemGroupId(focusKey)}`);
    item?.scrollIntoView({ block: "center" });
    item?.focus();
  }, [focusKey]);

  if (fixable.length === 0 && fixes.length === 0) return null;
  return (
    <section aria-labelledby="column-fixes-heading" className="flex flex-col gap-3">
      <div>
        <h3 id="column-fixes-heading" className="text-sm font-semibold text-slate-900">
          Fix a whole column
        </h3>
        <p className="text-xs text-slate-500">
          One choice for every row with the same problem. The cells stay as they are, so each choice can be
          undone.
        </p>
      </div>
      {fixable.length > 0 && (
        <ul ref={list} className="flex flex-col gap-2">
          {fixable.map((group) => (
            <li
              key={group.key}
              id={problemGroupId(group.key)}
              tabIndex={-1}
              className={`flex flex-col gap-2 rounded-md border px-4 py-3 text-sm focus:outline-2 focus:outline-brand-600 ${
                group.severity === "error" ? "border-red-200 bg-red-50/50" : "border-amber-200 bg-amber-50/50"
              }`}
            >
              <p className="text-slate-800">
                <span className="font-semibold">{group.column}</span>:{" "}
                {formatQuantity(group.rows, "row", "rows")} whose value {group.problem}
                {group.examples.some(Boolean) && (
                  <span className="text-slate-500">
                    {" "}
                    (
                    {group.examples
                      .filter(Boolean)
                      .map((example) => `“${example}”`)
                      .join(", ")}
                    {group.rows > group.examples.length ? ", …" : ""})
                  </span>
                )}
                . {group.severity === "error" ? "They aren't sent." : "They are sent, with a warning."}
              </p>
              <div className="flex flex-wrap gap-2">
                {group.canSendWithout && (
                  <Button
                    variant="secondary"
                    size="sm"
                    className={WRAPPING}
                    disabled={busy}
                    onClick={() => onFix(group, { kind: "send-without" })}
                  >
                    Send {these(group.rows)} without {group.column}
                  </Button>
                )}
                {group.readAs.map(({ format, reads }) => (
                  <Button
                    key={format}
                    variant="secondary"
                    size="sm"
                    className={WRAPPING}
                    disabled={busy}
                    onClick={() => onFix(group, { kind: "read-as", format })}
                  >
                    Read {group.column} as {DATE_FORMAT_LABELS[format]} ({formatCount(reads)} of{" "}
                    {formatQuantity(group.rows, "row", "rows")})
                  </Button>
                ))}
                {group.severity === "warning" && (
                  <Button
                    variant="secondary"
                    size="sm"
                    className={WRAPPING}
                    disabled={busy}
                    onClick={() => onFix(group, { kind: "leave-out" })}
                  >
                    Don&apos;t send {these(group.rows)}
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {fixes.length > 0 && (
        <ul aria-label="Fixes applied" className="flex flex-col gap-1">
          {fixes.map((fix) => (
            <li
              key={fix.id}
              className="flex flex-wrap items-center justify-between gap-2 rounded-md bg-slate-50 px-4 py-2 text-sm text-slate-700"
            >
              <span>✓ {fix.summary}</span>
              <Button
                variant="ghost"
                size="sm"
                disabled={busy}
                aria-label={`Undo: ${fix.summary}`}
                onClick={() => onUndo(fix)}
              >
                Undo
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
