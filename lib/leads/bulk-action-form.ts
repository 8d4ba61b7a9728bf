import type { LeadStatus, LostReason } from "./lead-status";
import type { BulkAction } from "./lead-detail";
import { checkNote } from "./lead-work";

/**
 * The bulk actions' form, checked before it is sent: what the person chose
 * becomes a bulk action, or the message saying what is missing. The same rules
 * as one lead's (lib/leads/lead-work.ts); the server still decides per lead.
 */
export type BulkActionChoice =
  | { kind: "assign"; assignee: string /* an account id, or "" for nobody */ }
  | { kind: "status"; status: LeadStatus | ""; lostReason: LostReason | ""; note: string };

export type BulkActionCheck =
  { ok: true; action: BulkAction } | { ok: false; field: string; message: string };

export function bulkActionFromChoice(choice: BulkActionChoice): BulkActionCheck {
  if (choice.kind === "assign") {
    if (choice.assignee !== "" && !/^\d+$/.test(choice.assignee))
      return { ok: false, field: "assignee", message: "Choose who to assign them to." };
    return {
      ok: true,
      action: { kind: "assign", userId: choice.assignee === "" ? null : Number(choice.assignee) },
    };
  }
  if (choice.status === "") return { ok: false, field: "status", message: "Choose the new status." };
  if (choice.status === "lost" && choice.lostReason === "")
    return { ok: false, field: "lostReason", message: "Say why they were lost." };
  let note: string | null = null;
  if (choice.note.trim() !== "" || (choice.status === "lost" && choice.lostReason === "other")) {
    const checked = checkNote(choice.note);
    if (!checked.ok)
      return {
        ok: false,
        field: "note",
        message:
          choice.note.trim() === "" ? "Add a note saying why they were lost." : checked.refusal.message,
      };
    note = checked.write;
  }
  return {
    ok: true,
    action: {
      kind: "status",
      status: choice.status,
      lostReason: choice.status === "lost" ? (choice.lostReason as LostReason) : null,
      note,
    },
  };
}
