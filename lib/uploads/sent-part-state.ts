/**
 * Where a part the dashboard sends stands. The Recapture API has no idempotency
 * key, so the register records the intent before the request leaves and never
 * sends a part again while it may already be queued upstream:
 *
 *   sending ──answer──▶ queued
 *      │
 *      └─timeout, lost connection, restart─▶ not_confirmed ──late answer──▶ queued
 *                                                 │
 *                          check finds its customers ──▶ arrived ──late answer──▶ queued
 *                          check finds nothing, and can tell ──▶ not_arrived ──send again──▶ sending
 *
 * A part the API refused outright (a 4xx) is simply not recorded: nothing was queued.
 * Pure, so the register, the wizard and their tests share it.
 */

export const SENT_PART_STATES = ["sending", "queued", "not_confirmed", "arrived", "not_arrived"] as const;
export type SentPartState = (typeof SENT_PART_STATES)[number];

const NEXT: Record<SentPartState, readonly SentPartState[]> = {
  sending: ["queued", "not_confirmed"],
  not_confirmed: ["queued", "arrived", "not_arrived"],
  arrived: ["queued"],
  // A check may still find it later (the API was slower than it could tell): that wins.
  not_arrived: ["sending", "arrived"],
  queued: [],
};

export function canMove(from: SentPartState, to: SentPartState): boolean {
  return NEXT[from].includes(to);
}

/** The states a part may move to `to` from: what the register's conditional updates match on. */
export function statesBefore(to: SentPartState): SentPartState[] {
  return SENT_PART_STATES.filter((from) => canMove(from, to));
}

/** May the dashboard send this part (again)? Only when nothing of it can be upstream. */
export const maySend = (state: SentPartState | undefined) => state === undefined || state === "not_arrived";

/** Is the part's customers' fate still open, so someone should check (or wait for) it? */
export const needsCheck = (state: SentPartState) => state === "sending" || state === "not_confirmed";
