/**
 * How a lead is worked, from first sighting to an outcome: New → Contacted →
 * Appointment → Won, or Lost (with a reason), or Dismissed. Shared by the
 * server (what it stores and accepts) and the pages (what they show).
 */
export const LEAD_STATUSES = ["new", "contacted", "appointment", "won", "lost", "dismissed"] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

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
