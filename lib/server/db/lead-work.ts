import "server-only";
import type { Insertable, Kysely, Transaction } from "kysely";
import { LEAD_STATUS_LABELS, type LeadStatus } from "@/lib/leads/lead-status";
import {
  decideAssignment,
  decideNote,
  decideStatusChange,
  type LeadWorker,
  type LeadWorkRefusal,
  type LeadWorkRefusalCode,
  type StatusChange,
  type StatusWrite,
  type WorkedLead,
} from "@/lib/leads/lead-work";
import { dashboardDatabase } from "./index";
import { inChunks } from "./in-list";
import type { LeadEventsTable, Tables } from "./schema";
import { lockingRead } from "./write-locks";

/**
 * People working leads (lib/leads/lead-work.ts has the rules): status,
 * assignment and notes, for one lead or many at once. Each action reads the
 * leads it changes with a lock held to the end of its transaction, decides on
 * what it read, and writes the leads and their history together, so two
 * people acting on a lead at once are served one after the other, and the
 * second is answered on what the first did, never overwritten silently.
 */

export type LeadAction =
  | {
      kind: "status";
      change: StatusChange;
      /** The status the person saw (one lead's page). */ from?: LeadStatus;
    }
  | { kind: "assign"; userId: number | null };

export type LeadRefusalCode = LeadWorkRefusalCode | "not_found" | "changed";

export interface LeadRefusal {
  leadKey: number;
  code: LeadRefusalCode;
  reason: string;
}

/** What an action did: the notifications and audit entries that follow it are made from this, after it commits. */
export interface LeadWorkOutcome {
  changed: number[];
  refused: LeadRefusal[];
  /** Leads whose assignee changed (a manager's allocation, or staff taking a lead by working it). */
  assigned: { leadKey: number; from: number | null; to: number | null }[];
  statusChanged: { leadKey: number; from: LeadStatus; to: LeadStatus }[];
}

const refused = (leadKey: number, { code, message }: LeadWorkRefusal): LeadRefusal => ({
  leadKey,
  code,
  reason: message,
});

const notFound = (leadKey: number): LeadRefusal => ({
  leadKey,
  code: "not_found",
  reason: "There is no such lead.",
});

interface LockedLead extends WorkedLead {
  key: number;
}

async function lockLeads(trx: Transaction<Tables>, engine: "sqlite" | "postgres", keys: number[]) {
  // In key order, so two actions on overlapping leads take their locks in the same order and never deadlock.
  const rows = await inChunks(keys, (chunk) =>
    lockingRead(
      engine,
      trx
        .selectFrom("leads")
        .select(["key", "status", "assignee_user_id", "first_contacted_at"])
        .where("key", "in", chunk)
        .orderBy("key"),
    ).execute(),
  );
  return new Map<number, LockedLead>(
    rows.map((row) => [
      row.key,
      {
        key: row.key,
        status: row.status,
        assigneeUserId: row.assignee_user_id,
        firstContactedAt: row.first_contacted_at,
      },
    ]),
  );
}

async function findAssignee(db: Kysely<Tables>, userId: number | null) {
  if (userId === null) return undefined;
  const row = await db
    .selectFrom("users")
    .select(["id", "role", "disabled"])
    .where("id", "=", userId)
    .executeTakeFirst();
  return row && { id: row.id, role: row.role, disabled: row.disabled === 1 };
}

/** Applies one action to each of these leads as far as the rules allow, and says which changed and which didn't and why. */
export async function workLeads(
  worker: LeadWorker,
  leadKeys: readonly number[],
  action: LeadAction,
  now = new Date(),
): Promise<LeadWorkOutcome> {
  const { kysely, engine } = await dashboardDatabase();
  const keys = [...new Set(leadKeys)].sort((a, b) => a - b);
  const at = now.toISOString();
  return kysely.transaction().execute(async (trx) => {
    const leads = await lockLeads(trx, engine, keys);
    const outcome: LeadWorkOutcome = { changed: [], refused: [], assigned: [], statusChanged: [] };
    const events: Insertable<LeadEventsTable>[] = [];
    const event = (leadKey: number, kind: "status" | "assignment", data: object) =>
      events.push({ lead_key: leadKey, at, kind, actor_user_id: worker.id, data: JSON.stringify(data) });
    const assignee = action.kind === "assign" ? await findAssignee(trx, action.userId) : undefined;
    // Leads that take the same write are updated together.
    const writes = new Map<string, { set: object; keys: number[] }>();
    const write = (set: object, key: number) => {
      const id = JSON.stringify(set);
      const group = writes.get(id) ?? { set, keys: [] };
      group.keys.push(key);
      writes.set(id, group);
    };

    for (const key of keys) {
      const lead = leads.get(key);
      if (!lead) {
        outcome.refused.push(notFound(key));
        continue;
      }
      if (action.kind === "assign") {
        const decision = decideAssignment(worker, lead, action.userId, assignee);
        if (!decision.ok) {
          outcome.refused.push(refused(key, decision.refusal));
          continue;
        }
        write({ assignee_user_id: action.userId }, key);
        event(key, "assignment", { from: lead.assigneeUserId, to: action.userId });
        outcome.assigned.push({ leadKey: key, from: lead.assigneeUserId, to: action.userId });
      } else {
        if (action.from && action.from !== lead.status) {
          outcome.refused.push({
            leadKey: key,
            code: "changed",
            reason: `Someone changed it to ${LEAD_STATUS_LABELS[lead.status]} meanwhile.`,
          });
          continue;
        }
        const decision = decideStatusChange(worker, lead, action.change);
        if (!decision.ok) {
          outcome.refused.push(refused(key, decision.refusal));
          continue;
        }
        write(statusColumns(decision.write, worker, at), key);
        event(key, "status", {
          from: lead.status,
          to: decision.write.status,
          lostReason: decision.write.lostReason,
          note: decision.write.note,
        });
        outcome.statusChanged.push({ leadKey: key, from: lead.status, to: decision.write.status });
        if (decision.write.takes) {
          event(key, "assignment", { from: null, to: worker.id });
          outcome.assigned.push({ leadKey: key, from: null, to: worker.id });
        }
      }
      outcome.changed.push(key);
    }

    for (const { set, keys: group } of writes.values())
      await inChunks(group, (chunk) => trx.updateTable("leads").set(set).where("key", "in", chunk).execute());
    await inChunks(events, (chunk) => trx.insertInto("lead_events").values(chunk).execute(), 200);
    return outcome;
  });
}

function statusColumns(write: StatusWrite, worker: LeadWorker, at: string) {
  return {
    status: write.status,
    lost_reason: write.lostReason,
    status_changed_at: at,
    ...(write.firstContacted ? { first_contacted_at: at } : {}),
    ...(write.takes ? { assignee_user_id: worker.id } : {}),
  };
}

/** Adds a note to a lead's history, or says why not. */
export async function addLeadNote(
  worker: LeadWorker,
  leadKey: number,
  text: string,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; refusal: LeadRefusal }> {
  const { kysely, engine } = await dashboardDatabase();
  return kysely.transaction().execute(async (trx) => {
    // Locked like any other change, so a note is never added to a lead being taken by someone else in between.
    const lead = (await lockLeads(trx, engine, [leadKey])).get(leadKey);
    if (!lead) return { ok: false as const, refusal: notFound(leadKey) };
    const decision = decideNote(worker, lead, text);
    if (!decision.ok) return { ok: false as const, refusal: refused(leadKey, decision.refusal) };
    await trx
      .insertInto("lead_events")
      .values({
        lead_key: leadKey,
        at: now.toISOString(),
        kind: "note",
        actor_user_id: worker.id,
        data: JSON.stringify({ text: decision.write }),
      })
      .execute();
    return { ok: true as const };
  });
}
