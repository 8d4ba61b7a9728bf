/**
 * How a lead is worked, from first sighting to an outcome: New → Contacted →
 * Appointment → Won, or Lost (with a reason), or Dismissed. Shared by the
 * server (what it stores and accepts) and the pages (what they show).
 */
export const LEAD_STATUSES = ["new", "contacted", "appointment", "won", "lost", "dismissed"] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/** How each status reads, wherever it is shown. */
export const LEAD_STATUS_LABELS: Record<LeadStatus, string> = {
  new: "New",
  contacted: "Contacted",
  appointment: "Appointment",
  won: "Won",
  lost: "Lost",
  dismissed: "Dismissed",
};

export const LOST_REASONS = ["sold_elsewhere", "not_interested", "unreachable", "other"] as const;
export type LostReason = (typeof LOST_REASONS)[number];

/**
 * What a lead's history records. The sync records `seen` (first sighting),
 * `price_change`, `delisted` and `relisted`; people record the rest.
 */
export const LEAD_EVENT_KINDS = [
  "seen",
  "price_change",
  "delisted",
  "relisted",
  "status",
  "assignment",
  "note",
] as const;
export type LeadEventKind = (typeof LEAD_EVENT_KINDS)[number];

export const LOST_REASON_LABELS: Record<LostReason, string> = {
  sold_elsewhere: "Sold elsewhere",
  not_interested: "Not interested",
  unreachable: "Couldn't reach",
  other: "Other",
};
