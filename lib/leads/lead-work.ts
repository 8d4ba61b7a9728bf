import { hasRole, type Role } from "@/lib/auth/roles";
import { LEAD_STATUS_LABELS, type LeadStatus, type LostReason } from "./lead-status";

/**
 * The rules for working a lead, without the database: who may do what, which
 * status may follow which, and what a change writes. The server applies them
 * inside a transaction that holds the lead; the lead's page uses them to offer
 * only what would be accepted.
 *
 * - Status runs New → Contacted → Appointment → Won, forward only; a step may
 *   be skipped (a customer who buys on the first call goes New → Won). Lost
 *   (with a reason; "other" needs a note) and Dismissed are reachable from any
 *   open status. Won, Lost and Dismissed close the lead.
 * - A closed lead can be reopened, by a manager or admin only, to any open
 *   status; its first contact stays as recorded (it happened).
 * - Viewers read. Staff work (status, notes) leads assigned to them or to
 *   nobody; changing the status of a lead assigned to nobody takes it (it is
 *   assigned to them), so two salespeople don't call the same customer. Staff
 *   may also take an unassigned lead, or hand back one of theirs, but not
 *   assign to anyone else. A note doesn't take a lead.
 * - Managers and admins see, allocate (to any active account of staff or
 *   above, or nobody) and work every lead.
 * - First contact is recorded on the first move to Contacted, Appointment, Won
 *   or Lost for any reason but "couldn't reach": Dismissed and an unanswered
 *   phone are not contact, so they don't count towards time to first contact.
 */

export const OPEN_STATUSES = ["new", "contacted", "appointment"] as const satisfies readonly LeadStatus[];
/** The forward line; Won ends it. */
const PROGRESS: readonly LeadStatus[] = ["new", "contacted", "appointment", "won"];

export const NOTE_MAX_LENGTH = 2_000;

export function isOpen(status: LeadStatus): boolean {
  return (OPEN_STATUSES as readonly LeadStatus[]).includes(status);
}

/** The person acting. */
export interface LeadWorker {
  id: number;
  role: Role;
}

/** What the rules need to know of a lead. */
export interface WorkedLead {
  status: LeadStatus;
  assigneeUserId: number | null;
  firstContactedAt: string | null;
}

/** An account a lead may be assigned to, as recorded. */
export interface Assignee {
  id: number;
  role: Role;
  disabled: boolean;
}

export interface StatusChange {
  status: LeadStatus;
  lostReason?: LostReason | null;
  note?: string | null;
}

/**
 * Why a change is refused: `forbidden` (the person may not), `not_allowed`
 * (the lead's state doesn't allow it), `unchanged` (it already is so),
 * `invalid` (the request is incomplete).
 */
export type LeadWorkRefusalCode = "forbidden" | "not_allowed" | "unchanged" | "invalid";

export interface LeadWorkRefusal {
  code: LeadWorkRefusalCode;
  message: string;
}

export type Decision<T> = { ok: true; write: T } | { ok: false; refusal: LeadWorkRefusal };

const refuse = (code: LeadWorkRefusalCode, message: string): { ok: false; refusal: LeadWorkRefusal } => ({
  ok: false,
  refusal: { code, message },
});

/** Managers and admins allocate and work every lead. */
export function canAllocate(worker: LeadWorker): boolean {
  return hasRole(worker.role, "manager");
}

/** Whether this person may change the lead's status or add notes to it. */
export function canWork(worker: LeadWorker, lead: Pick<WorkedLead, "assigneeUserId">): boolean {
  if (canAllocate(worker)) return true;
  return hasRole(worker.role, "staff") && (lead.assigneeUserId === null || lead.assigneeUserId === worker.id);
}

/** The statuses this person may move the lead to now, in the order to offer them. */
export function nextStatuses(worker: LeadWorker, lead: WorkedLead): LeadStatus[] {
  if (!canWork(worker, lead)) return [];
  if (!isOpen(lead.status)) return canAllocate(worker) ? [...OPEN_STATUSES] : [];
  const later = PROGRESS.slice(PROGRESS.indexOf(lead.status) + 1);
  return [...later, "lost", "dismissed"];
}

/** Statuses that mean someone spoke with the customer. */
function isContact(change: StatusChange): boolean {
  if (change.status === "lost") return change.lostReason !== "unreachable";
  return change.status === "contacted" || change.status === "appointment" || change.status === "won";
}

/** What a status change writes to the lead. */
export interface StatusWrite {
  status: LeadStatus;
  lostReason: LostReason | null;
  note: string | null;
  /** Set only on the first contact. */
  firstContacted: boolean;
  /** The person takes the lead (it was assigned to nobody and they are not allocating). */
  takes: boolean;
}

/** Checks a note's text: trimmed, not empty, not over the limit. */
export function checkNote(text: string | null | undefined): Decision<string> {
  const trimmed = text?.trim() ?? "";
  if (trimmed === "") return refuse("invalid", "Write a note first.");
  if (trimmed.length > NOTE_MAX_LENGTH)
    return refuse("invalid", `A note can be at most ${NOTE_MAX_LENGTH.toLocaleString("en-AU")} characters.`);
  return { ok: true, write: trimmed };
}

export function decideStatusChange(
  worker: LeadWorker,
  lead: WorkedLead,
  change: StatusChange,
): Decision<StatusWrite> {
  if (!canWork(worker, lead)) return refuse("forbidden", notYours(worker));
  if (change.status === lead.status)
    return refuse("unchanged", `It is already ${LEAD_STATUS_LABELS[lead.status]}.`);
  if (!nextStatuses(worker, lead).includes(change.status)) {
    return refuse(
      "not_allowed",
      isOpen(lead.status)
        ? `A lead that is ${LEAD_STATUS_LABELS[lead.status]} can't go back to ${LEAD_STATUS_LABELS[change.status]}.`
        : `It is ${LEAD_STATUS_LABELS[lead.status]}: only a manager can reopen it.`,
    );
  }
  let note: string | null = null;
  if (change.note?.trim()) {
    const checked = checkNote(change.note);
    if (!checked.ok) return checked;
    note = checked.write;
  }
  let lostReason: LostReason | null = null;
  if (change.status === "lost") {
    if (!change.lostReason) return refuse("invalid", "Say why the lead was lost.");
    if (change.lostReason === "other" && !note)
      return refuse("invalid", "Add a note saying why it was lost.");
    lostReason = change.lostReason;
  }
  return {
    ok: true,
    write: {
      status: change.status,
      lostReason,
      note,
      firstContacted: lead.firstContactedAt === null && isContact(change),
      takes: lead.assigneeUserId === null && !canAllocate(worker),
    },
  };
}

/**
 * Assigning a lead to `assignee` (null: nobody). `assignee` is the account as
 * recorded, undefined when there is no such account.
 */
export function decideAssignment(
  worker: LeadWorker,
  lead: Pick<WorkedLead, "assigneeUserId">,
  assigneeId: number | null,
  assignee: Assignee | undefined,
): Decision<{ assigneeUserId: number | null }> {
  if (assigneeId !== null && (!assignee || assignee.disabled || !hasRole(assignee.role, "staff")))
    return refuse("invalid", "Leads can be assigned only to an active account of staff or above.");
  if (!canAllocate(worker)) {
    const takes = lead.assigneeUserId === null && assigneeId === worker.id;
    const handsBack = lead.assigneeUserId === worker.id && assigneeId === null;
    if (!hasRole(worker.role, "staff") || !(takes || handsBack))
      return refuse(
        "forbidden",
        hasRole(worker.role, "staff")
          ? "Only a manager can assign a lead to someone else."
          : "Your account's role can't work leads.",
      );
  }
  if (lead.assigneeUserId === assigneeId)
    return refuse(
      "unchanged",
      assigneeId === null ? "It is already assigned to nobody." : "It is already assigned to them.",
    );
  return { ok: true, write: { assigneeUserId: assigneeId } };
}

export function decideNote(
  worker: LeadWorker,
  lead: Pick<WorkedLead, "assigneeUserId">,
  text: string,
): Decision<string> {
  if (!canWork(worker, lead)) return refuse("forbidden", notYours(worker));
  return checkNote(text);
}

function notYours(worker: LeadWorker): string {
  return hasRole(worker.role, "staff")
    ? "This lead is assigned to someone else: only they or a manager can work it."
    : "Your account's role can't work leads.";
}
