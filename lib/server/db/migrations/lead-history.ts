import { HISTORY_DISMISSAL, HISTORY_DISMISSAL_DAYS } from "@/lib/leads/lead-history";
import type { Migration } from "./migration";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The dashboard's history is not the inbox (lib/leads/lead-history.ts), for
 * installs whose leads migration (./leads.ts) backfilled every sighting
 * already in the customer index as New: those still untouched (New, nobody's,
 * nothing in their history but being seen, first seen when listed, as the
 * backfill made them) and listed more than HISTORY_DISMISSAL_DAYS before now
 * are dismissed, by nobody, with the same reason the sync records.
 *
 * The cut-off is now, minus those days, computed here when the migration
 * runs, not by the database: a backfilled lead's first_seen_at is its listing
 * time, so when the dashboard really first saw it is lost, and the migration
 * is the dashboard meeting that history again, so age is measured from now,
 * just as the sync measures a sighting in its first pass. Written into the
 * SQL as ISO text, it reads the same on both engines (which spell "now minus
 * 14 days" differently) and compares as the times are stored. (A listing time
 * given with an offset rather than Z compares a few hours out: nothing beside
 * two weeks.) Events first, then the leads they name, so each step sees the
 * leads as the backfill left them.
 */
export const leadHistoryMigration: Migration = {
  name: "the dealership's history is not the inbox",
  sql: () => {
    const now = new Date();
    const at = text(now.toISOString());
    const cutOff = text(new Date(now.getTime() - HISTORY_DISMISSAL_DAYS * DAY_MS).toISOString());
    const dismissal = text(JSON.stringify(HISTORY_DISMISSAL));
    return `
      INSERT INTO lead_events (lead_key, at, kind, data)
        SELECT key, ${at}, 'status', ${dismissal} FROM leads
          WHERE status = 'new' AND assignee_user_id IS NULL AND first_seen_at = listed_at AND listed_at < ${cutOff}
            AND NOT EXISTS (SELECT 1 FROM lead_events e WHERE e.lead_key = leads.key AND e.kind <> 'seen');
      UPDATE leads SET status = 'dismissed', status_changed_at = ${at}
        WHERE key IN (SELECT lead_key FROM lead_events WHERE kind = 'status' AND at = ${at} AND data = ${dismissal});
    `;
  },
};

/** A constant of ours as an SQL string literal. */
const text = (value: string) => `'${value.replaceAll("'", "''")}'`;
