import { formatQuantity } from "@/lib/format";
import type { BulkAction, BulkResult } from "./lead-detail";
import { LEAD_STATUS_LABELS } from "./lead-status";

/**
 * What a bulk action did, in a sentence: "3 leads assigned to Sam; 1 refused:
 * lead 42: It is already assigned to them." Refusals with the same reason are
 * counted together, so 200 refusals read as a line, not a page.
 */
export function bulkSummary(result: BulkResult, action: BulkAction, assigneeName?: string | null): string {
  const done =
    action.kind === "assign"
      ? action.userId === null
        ? "unassigned"
        : `assigned to ${assigneeName ?? "them"}`
      : `set to ${LEAD_STATUS_LABELS[action.status]}`;
  const changed = `${formatQuantity(result.changed.length, "lead")} ${done}`;
  if (result.refused.length === 0) return changed;
  const byReason = new Map<string, number[]>();
  for (const { leadKey, reason } of result.refused)
    byReason.set(reason, [...(byReason.get(reason) ?? []), leadKey]);
  const reasons = [...byReason.entries()]
    .map(([reason, keys]) =>
      keys.length === 1 ? `lead ${keys[0]}: ${reason}` : `${keys.length} leads: ${reason}`,
    )
    .join(" ");
  return `${changed}; ${result.refused.length} refused: ${reasons}`;
}
