import "server-only";
import { dueDigestDay } from "@/lib/notifications/digest-schedule";
import {
  DIGEST_LIST_MAX,
  isEmptyDigest,
  leadDigestMail,
  type LeadDigest,
} from "@/lib/notifications/lead-digest-mail";
import { database } from "@/lib/server/db";
import { claimDigestDay, findDigestDay, lastDigestCoveredUntil } from "@/lib/server/db/lead-digests";
import { findDigestLeads, findDigestRecipients } from "@/lib/server/db/lead-mail";
import { env } from "@/lib/server/env";
import type { LeasedJob } from "@/lib/server/jobs/leased-job";
import { mailContext } from "./lead-notifications";
import { queueMail, sendQueuedMail } from "./mailer";

/**
 * The managers' daily digest of new and price-dropped leads since the last
 * one. It is sent once a day even with several instances: the job runs under
 * a lease, and the day's row in lead_digests is claimed in the same
 * transaction that queues the messages, so a second instance, or this one
 * after a restart, finds the day taken. (A crash between that commit and the
 * SMTP hand-over leaves the day's messages queued in the outbox, not resent.)
 */

const DAY_MS = 24 * 60 * 60 * 1000;

export type DigestOutcome =
  | { outcome: "not-due" }
  | { outcome: "already-sent"; day: string }
  | { outcome: "nothing-new"; day: string }
  | { outcome: "sent"; day: string; newLeads: number; priceDrops: number; messages: number };

/** Sends the digest due at `now`, if no instance has yet. */
export async function sendDueDigest(now: Date): Promise<DigestOutcome> {
  const settings = env();
  const day = dueDigestDay(now, settings.DIGEST_TIME, settings.DEALERSHIP_TIME_ZONE);
  if (!day) return { outcome: "not-due" };
  // The job asks every minute: once the day's digest is out, that is one lookup.
  if (await findDigestDay(day)) return { outcome: "already-sent", day };
  const context = mailContext();
  const until = now.toISOString();

  const claimed = await (await database()).transaction().execute(async (trx) => {
    // The first digest covers the day before it.
    const from = (await lastDigestCoveredUntil(trx)) ?? new Date(now.getTime() - DAY_MS).toISOString();
    const leads = await findDigestLeads(settings.RECAPTURE_REGION, { from, until }, DIGEST_LIST_MAX, trx);
    const digest: LeadDigest = { day, ...leads };
    const taken = await claimDigestDay(
      {
        day,
        coveredFrom: from,
        coveredUntil: until,
        newLeads: leads.newCount,
        priceDrops: leads.priceDropCount,
      },
      trx,
    );
    if (!taken) return null;
    const recipients = await findDigestRecipients(trx);
    const messages = recipients.flatMap((recipient) => leadDigestMail(recipient, digest, context) ?? []);
    return { digest, ids: await queueMail(messages, now, trx) };
  });

  if (!claimed) return { outcome: "already-sent", day };
  if (isEmptyDigest(claimed.digest)) return { outcome: "nothing-new", day };
  await sendQueuedMail(claimed.ids);
  return {
    outcome: "sent",
    day,
    newLeads: claimed.digest.newCount,
    priceDrops: claimed.digest.priceDropCount,
    messages: claimed.ids.length,
  };
}

/**
 * The digest as a background job: every minute the instance holding its lease
 * checks whether today's digest is due. `clock` is the job's idea of now (a
 * test drives it).
 */
export function leadDigestJob(clock: () => Date = () => new Date()): LeasedJob {
  return {
    name: "lead-digest",
    everyMs: 60_000,
    // A digest to a handful of managers takes seconds; a dead instance's job is taken over within 3 minutes.
    leaseMs: 120_000,
    async run() {
      const result = await sendDueDigest(clock());
      if (result.outcome === "sent")
        console.log(
          `Lead digest for ${result.day}: ${result.newLeads} new, ${result.priceDrops} price drops, ${result.messages} email(s)`,
        );
    },
  };
}
