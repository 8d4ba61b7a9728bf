import type { LeadStatus } from "./lead-status";

/**
 * The dashboard's history is not the inbox. Until the customer index's first
 * complete pass has finished, every sighting the sync finds is one the
 * dealership's customers listed before the dashboard was looking: recording
 * each as New and first seen today would bury the morning's real leads under
 * years of old ones (in "new today", "not contacted after 24 h" and the
 * managers' digest). So such a sighting counts as first seen when it was
 * listed, and one listed long before is dismissed at once, by nobody, with a
 * reason its history can put in words. After that first pass, a sighting never
 * seen is news: first seen now, and New.
 */

/** A sighting the dashboard meets in the dealership's history older than this is dismissed, not put in the inbox. */
export const HISTORY_DISMISSAL_DAYS = 14;

/** The reason its `status` event records (`data.why`), by which the history words it. */
export const HISTORY_DISMISSAL_WHY = "history";

/** The `status` event's data for a lead dismissed as history. */
export const HISTORY_DISMISSAL = { from: "new", to: "dismissed", why: HISTORY_DISMISSAL_WHY } as const;

const DAY_MS = 24 * 60 * 60 * 1000;

/** How a lead met for the first time starts: when it counts as first seen, and its status. */
export interface FirstSighting {
  firstSeenAt: string;
  status: Extract<LeadStatus, "new" | "dismissed">;
}

/**
 * A lead seen for the first time `now`, listed at `listedAt` (the sighting's
 * `at`): `meetingHistory` while the index's first complete pass hasn't
 * finished. A listing time in the future or unreadable counts as now.
 */
export function firstSighting(listedAt: string, now: Date, meetingHistory: boolean): FirstSighting {
  const listed = Date.parse(listedAt);
  if (!meetingHistory || !(listed < now.getTime())) return { firstSeenAt: now.toISOString(), status: "new" };
  return {
    firstSeenAt: new Date(listed).toISOString(),
    status: now.getTime() - listed > HISTORY_DISMISSAL_DAYS * DAY_MS ? "dismissed" : "new",
  };
}

/** Whether a `status` event's data is a dismissal as history (not a person's). */
export function isHistoryDismissal(data: Readonly<Record<string, unknown>> | null): boolean {
  return data?.why === HISTORY_DISMISSAL_WHY;
}
