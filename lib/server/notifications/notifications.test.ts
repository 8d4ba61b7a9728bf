import { afterEach, beforeEach, expect, it, vi } from "vitest";
import type { Role } from "@/lib/auth/roles";
import type { Sighting } from "@/lib/recapture/schemas";
import { database } from "@/lib/server/db";
import { indexCustomer } from "@/lib/server/db/customer-index";
import { findDigestDay } from "@/lib/server/db/lead-digests";
import type { RecordedSightings } from "@/lib/server/db/leads";
import { findOutboxMessage, listOutbox } from "@/lib/server/db/outbox";
import { saveUserPreference } from "@/lib/server/db/user-preferences";
import { insertUser } from "@/lib/server/db/users";
import { forgetSettings } from "@/lib/server/env";
import { startLeasedJob } from "@/lib/server/jobs/leased-job";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { afterFirstCompletePass } from "@/lib/testing/index-history";
import { testCustomer } from "@/lib/testing/test-customer";
import { startTestSmtpServer, type TestSmtpServer } from "@/lib/testing/smtp-test-server";
import { leadDigestJob, sendDueDigest } from "./lead-digest";
import { notifyLeadAssigned, notifyLeadsAssigned, notifyPriceDrops } from "./lead-notifications";

const DASHBOARD = "https://recapture.dealership.com.au";
const API_KEY = "live-recapture-api-key-never-in-mail";

// Melbourne is UTC+11 in December: 08:00 on 04/12 there is 21:00 UTC on 03/12.
const BEFORE_DIGEST = new Date("2026-12-03T20:59:00.000Z");
const DIGEST_TIME_4TH = new Date("2026-12-03T21:05:00.000Z");
const DIGEST_TIME_5TH = new Date("2026-12-04T21:05:00.000Z");
const SEEN_3RD = new Date("2026-12-02T23:00:00.000Z");
const SEEN_4TH = new Date("2026-12-04T01:00:00.000Z");

function sighting(lead_id: string, listing_price: number | null = 28_500): Sighting {
  return {
    at: "2026-12-02T10:00:00.000Z",
    lead_id,
    listing_url: `https://www.carsales.com.au/cars/details/${lead_id}/`,
    listing_title: "2019 Toyota Camry Ascent Sport Auto",
    listing_price,
    seller_type: "private",
  };
}

const customer = (id: string, sightings: Sighting[]) =>
  testCustomer({
    id,
    last_updated: "2026-12-01T00:00:00.000Z",
    vehicle_title: "2019 Toyota Camry Ascent Sport",
    sightings,
  });

/** Customers read (as a write-through does), with what their leads did. */
async function see(at: Date, customers: Record<string, Sighting[]>): Promise<RecordedSightings> {
  const seen: RecordedSightings = { added: [], priceChanges: [], delisted: [], relisted: [] };
  for (const [id, sightings] of Object.entries(customers)) {
    const recorded = await indexCustomer("au", customer(id, sightings), at);
    for (const kind of ["added", "priceChanges", "delisted", "relisted"] as const)
      (seen[kind] as unknown[]).push(...recorded[kind]);
  }
  return seen;
}

async function account(email: string, role: Role, options: { emails?: boolean; disabled?: boolean } = {}) {
  const user = (await insertUser({ email, name: email.split("@")[0]!, role, passwordHash: "not-used" }))!;
  if (options.emails === false) await saveUserPreference(user.id, "email:leads", false);
  if (options.disabled)
    await (await database()).updateTable("users").set({ disabled: 1 }).where("id", "=", user.id).execute();
  return user;
}

async function assign(leadKey: number, userId: number) {
  await (
    await database()
  )
    .updateTable("leads")
    .set({ assignee_user_id: userId })
    .where("key", "=", leadKey)
    .execute();
}

async function outbox() {
  return (await listOutbox({ limit: 100, offset: 0 })).entries;
}

function useSettings(settings: Record<string, string>) {
  for (const [name, value] of Object.entries(settings)) vi.stubEnv(name, value);
  forgetSettings();
}

const liveSettings = {
  RECAPTURE_API_KEY: API_KEY,
  SESSION_SECRET: "a-session-secret-of-at-least-32-characters",
  DASHBOARD_URL: DASHBOARD,
  DEALERSHIP_TIME_ZONE: "Australia/Melbourne",
  DIGEST_TIME: "08:00",
};

function expectOnlySafeLinks(html: string) {
  const links = [...html.matchAll(/href="([^"]+)"/g)].map(([, href]) => href!);
  expect(links.length).toBeGreaterThan(0);
  for (const href of links)
    expect(href.startsWith(`${DASHBOARD}/`) || href.startsWith("https://www.carsales.com.au/"), href).toBe(
      true,
    );
}

describeEachEngine("lead emails through a real SMTP server", () => {
  let smtp: TestSmtpServer;
  beforeEach(async () => {
    await afterFirstCompletePass();
    smtp = await startTestSmtpServer();
    useSettings({
      ...liveSettings,
      SMTP_URL: smtp.url,
      MAIL_FROM: "Recapture <recapture@dealership.com.au>",
    });
  });
  afterEach(async () => {
    await smtp.close();
  });

  it("tells the assignee a lead is theirs, and records it as sent", async () => {
    const morgan = await account("morgan@dealership.com.au", "manager");
    const sam = await account("sam@dealership.com.au", "staff");
    const { added } = await see(SEEN_3RD, { c1: [sighting("L1")] });
    await assign(added[0]!, sam.id);

    await notifyLeadAssigned({ leadKey: added[0]!, assigneeUserId: sam.id, byUserId: morgan.id });

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.to).toMatchObject({ value: [{ address: "sam@dealership.com.au" }] });
    expect(mail!.from).toMatchObject({
      value: [{ address: "recapture@dealership.com.au", name: "Recapture" }],
    });
    expect(mail!.subject).toMatch(/^Lead assigned to you: 2019 Toyota Camry Ascent Sport \(ABC\d+, VIC\)$/);
    expect(mail!.text).toContain("morgan assigned a lead to you");
    expect(mail!.text).toContain(`${DASHBOARD}/leads/${added[0]}`);
    expect(mail!.text).toContain("https://www.carsales.com.au/cars/details/L1/");
    expectOnlySafeLinks(String(mail!.html));
    const [row] = await outbox();
    expect(row).toMatchObject({ to: "sam@dealership.com.au", kind: "lead_assigned", error: null });
    expect(row!.sentAt).not.toBeNull();
  });

  it("sends nothing to people who assign a lead to themselves, or who switched lead emails off", async () => {
    const sam = await account("sam@dealership.com.au", "staff");
    const quiet = await account("quiet@dealership.com.au", "staff", { emails: false });
    const { added } = await see(SEEN_3RD, { c1: [sighting("L1")], c2: [sighting("L2")] });
    await notifyLeadsAssigned([
      { leadKey: added[0]!, assigneeUserId: sam.id, byUserId: sam.id },
      { leadKey: added[1]!, assigneeUserId: quiet.id, byUserId: sam.id },
      { leadKey: added[1]!, assigneeUserId: null, byUserId: sam.id },
    ]);
    expect(smtp.received).toHaveLength(0);
    expect(await outbox()).toEqual([]);
  });

  it("tells an assignee their lead dropped in price, and nobody of a rise or an unassigned lead", async () => {
    const sam = await account("sam@dealership.com.au", "staff");
    const quiet = await account("quiet@dealership.com.au", "staff", { emails: false });
    const { added } = await see(SEEN_3RD, {
      c1: [sighting("L1", 28_500)],
      c2: [sighting("L2", 20_000)],
      c3: [sighting("L3", 15_000)],
      c4: [sighting("L4", 9_000)],
    });
    await assign(added[0]!, sam.id);
    await assign(added[1]!, sam.id);
    await assign(added[3]!, quiet.id);
    const changes = await see(SEEN_4TH, {
      c1: [sighting("L1", 27_000)],
      c2: [sighting("L2", 21_000)],
      c3: [sighting("L3", 14_000)],
      c4: [sighting("L4", 8_000)],
    });
    expect(changes.priceChanges).toHaveLength(4);

    await notifyPriceDrops(changes);

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.to).toMatchObject({ value: [{ address: "sam@dealership.com.au" }] });
    expect(mail!.subject).toMatch(
      /^Price drop: 2019 Toyota Camry Ascent Sport \(ABC\d+, VIC\) now \$27,000$/,
    );
    expect(mail!.text).toContain("went down from $28,500 to $27,000 (▼ $1,500)");
    expect(mail!.text).toContain(`${DASHBOARD}/leads/${added[0]}`);
  });

  it("never puts the API key or the SMTP password in a message", async () => {
    const sam = await account("sam@dealership.com.au", "staff");
    await account("morgan@dealership.com.au", "manager");
    const { added } = await see(SEEN_3RD, { c1: [sighting("L1")] });
    await assign(added[0]!, sam.id);
    await notifyLeadAssigned({ leadKey: added[0]!, assigneeUserId: sam.id, byUserId: null });
    await sendDueDigest(DIGEST_TIME_4TH);
    expect(smtp.received.map((mail) => mail.subject)).toHaveLength(2);
    for (const mail of smtp.received) {
      for (const part of [mail.text, String(mail.html), mail.subject]) {
        expect(part).not.toContain(API_KEY);
        expect(part).not.toContain(smtp.password);
      }
    }
  });

  it("keeps the SMTP server's refusal on the message and never throws into the caller", async () => {
    const sam = await account("sam@dealership.com.au", "staff");
    const { added } = await see(SEEN_3RD, { c1: [sighting("L1")] });
    useSettings({ SMTP_URL: smtp.url.replace(smtp.password, "wrong-password") });
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});

    await expect(
      notifyLeadAssigned({ leadKey: added[0]!, assigneeUserId: sam.id, byUserId: null }),
    ).resolves.toBeUndefined();

    const [row] = await outbox();
    expect(row).toMatchObject({ to: "sam@dealership.com.au", sentAt: null });
    expect(row!.error).toMatch(/Invalid login|Invalid username or password/);
    expect(row!.error).not.toContain("wrong-password");
    expect(logged).toHaveBeenCalled();
    expect(smtp.received).toHaveLength(0);
  });
});

describeEachEngine("lead emails without SMTP_URL", () => {
  beforeEach(async () => {
    await afterFirstCompletePass();
    useSettings({ ...liveSettings, SMTP_URL: "", MAIL_FROM: "" });
  });

  it("writes each message to the outbox, newest first, to read whole", async () => {
    const sam = await account("sam@dealership.com.au", "staff");
    const { added } = await see(SEEN_3RD, { c1: [sighting("L1")], c2: [sighting("L2")] });
    await notifyLeadAssigned({ leadKey: added[0]!, assigneeUserId: sam.id, byUserId: null });
    await notifyLeadAssigned({ leadKey: added[1]!, assigneeUserId: sam.id, byUserId: null });

    const { entries, total } = await listOutbox({ limit: 1, offset: 0 });
    expect(total).toBe(2);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      to: "sam@dealership.com.au",
      kind: "lead_assigned",
      sentAt: null,
      error: null,
    });
    const message = await findOutboxMessage(entries[0]!.id);
    expect(message!.text).toContain(`${DASHBOARD}/leads/${added[1]}`);
    const older = (await listOutbox({ limit: 1, offset: 1 })).entries[0]!;
    expect((await findOutboxMessage(older.id))!.text).toContain(`${DASHBOARD}/leads/${added[0]}`);
  });
});

describeEachEngine("the managers' daily digest", () => {
  beforeEach(async () => {
    await afterFirstCompletePass();
    useSettings({ ...liveSettings, SMTP_URL: "", MAIL_FROM: "" });
  });

  it("goes to enabled managers and admins who want it, at DIGEST_TIME in the dealership's zone, once", async () => {
    await account("morgan@dealership.com.au", "manager");
    await account("ada@dealership.com.au", "admin");
    await account("sam@dealership.com.au", "staff");
    await account("quiet@dealership.com.au", "manager", { emails: false });
    await account("gone@dealership.com.au", "manager", { disabled: true });
    await see(SEEN_3RD, { c1: [sighting("L1")], c2: [sighting("L2", 20_000)] });

    expect(await sendDueDigest(BEFORE_DIGEST)).toEqual({ outcome: "not-due" });
    expect(await sendDueDigest(DIGEST_TIME_4TH)).toEqual({
      outcome: "sent",
      day: "2026-12-04",
      newLeads: 2,
      priceDrops: 0,
      messages: 2,
    });
    const sent = await outbox();
    expect(sent.map((entry) => entry.to).sort()).toEqual([
      "ada@dealership.com.au",
      "morgan@dealership.com.au",
    ]);
    expect(sent[0]).toMatchObject({
      kind: "lead_digest",
      subject: "Leads for 04/12/2026: 2 new leads, 0 price drops",
    });
    const text = (await findOutboxMessage(sent[0]!.id))!.text;
    expect(text).toContain(`See every lead: ${DASHBOARD}/leads`);
    expect(text).toContain("New leads (2)");

    expect(await sendDueDigest(new Date(DIGEST_TIME_4TH.getTime() + 60 * 60_000))).toEqual({
      outcome: "already-sent",
      day: "2026-12-04",
    });
    expect(await outbox()).toHaveLength(2);
  });

  it("sends nothing when nothing is new, and covers only what came since the last digest", async () => {
    await account("morgan@dealership.com.au", "manager");
    expect(await sendDueDigest(DIGEST_TIME_4TH)).toEqual({ outcome: "nothing-new", day: "2026-12-04" });
    expect(await outbox()).toEqual([]);

    await see(SEEN_3RD, { c1: [sighting("L1", 28_500)] });
    // First seen before the last digest's end (it was recorded late), so it is no longer new; its drop is.
    await (
      await database()
    )
      .updateTable("leads")
      .set({ first_seen_at: "2026-12-03T20:00:00.000Z" })
      .execute();
    await see(SEEN_4TH, { c1: [sighting("L1", 26_000)], c2: [sighting("L2", 19_000)] });

    expect(await sendDueDigest(DIGEST_TIME_5TH)).toMatchObject({
      outcome: "sent",
      day: "2026-12-05",
      newLeads: 1,
      priceDrops: 1,
    });
    const [digest] = await outbox();
    expect(digest!.subject).toBe("Leads for 05/12/2026: 1 new lead, 1 price drop");
    const text = (await findOutboxMessage(digest!.id))!.text;
    expect(text).toContain("Down from $28,500 to $26,000 (▼ $2,500)");
    expect(await findDigestDay("2026-12-05")).toMatchObject({
      coveredFrom: DIGEST_TIME_4TH.toISOString(),
      coveredUntil: DIGEST_TIME_5TH.toISOString(),
    });
  });

  it("is sent once when two instances run the job at the same time", async () => {
    await account("morgan@dealership.com.au", "manager");
    await see(SEEN_3RD, { c1: [sighting("L1")] });
    const clock = () => DIGEST_TIME_4TH;
    const instances = [
      startLeasedJob(leadDigestJob(clock), { holder: "instance-a" }),
      startLeasedJob(leadDigestJob(clock), { holder: "instance-b" }),
    ];
    await Promise.all(instances.map((instance) => instance.stop()));
    // And if the lease lapsed between them, the day's record still holds.
    const [first, second] = await Promise.all([
      sendDueDigest(DIGEST_TIME_4TH),
      sendDueDigest(DIGEST_TIME_4TH),
    ]);
    expect([first, second]).toEqual([
      { outcome: "already-sent", day: "2026-12-04" },
      { outcome: "already-sent", day: "2026-12-04" },
    ]);
    expect(await outbox()).toHaveLength(1);
  });

  it("claims a day for one of two instances racing without the lease", async () => {
    await account("morgan@dealership.com.au", "manager");
    await see(SEEN_3RD, { c1: [sighting("L1")] });
    const outcomes = await Promise.all([sendDueDigest(DIGEST_TIME_4TH), sendDueDigest(DIGEST_TIME_4TH)]);
    expect(outcomes.map(({ outcome }) => outcome).sort()).toEqual(["already-sent", "sent"]);
    expect(await outbox()).toHaveLength(1);
  });

  it("reads the time of day in the dealership's zone", async () => {
    useSettings({ DEALERSHIP_TIME_ZONE: "Australia/Perth" });
    await account("morgan@dealership.com.au", "manager");
    await see(new Date("2026-12-03T12:00:00.000Z"), { c1: [sighting("L1")] });
    // 21:05 UTC is 05:05 in Perth: not yet.
    expect(await sendDueDigest(DIGEST_TIME_4TH)).toEqual({ outcome: "not-due" });
    expect(await sendDueDigest(new Date("2026-12-04T00:00:00.000Z"))).toMatchObject({
      outcome: "sent",
      day: "2026-12-04",
    });
  });
});

describeEachEngine("the dealership's history in mail", () => {
  beforeEach(() => {
    useSettings({ ...liveSettings, SMTP_URL: "", MAIL_FROM: "" });
  });

  it("is no news: no price drop email and no digest for the old sightings of the first pass", async () => {
    const sam = await account("sam@dealership.com.au", "staff");
    await account("morgan@dealership.com.au", "manager");
    const listedLongAgo = { at: "2026-10-01T00:00:00.000Z" };
    // No pass of the index has been complete yet: the dashboard is meeting the dealership's history.
    const { added } = await see(SEEN_3RD, { c1: [{ ...sighting("L1", 28_500), ...listedLongAgo }] });
    // Someone gives it to Sam without reopening it: a drop in price is still not Sam's news.
    await assign(added[0]!, sam.id);
    const changes = await see(SEEN_4TH, { c1: [{ ...sighting("L1", 26_000), ...listedLongAgo }] });
    expect(changes.priceChanges).toHaveLength(1);

    await notifyPriceDrops(changes);
    expect(await outbox()).toEqual([]);
    expect(await sendDueDigest(DIGEST_TIME_5TH)).toEqual({ outcome: "nothing-new", day: "2026-12-05" });
  });
});
