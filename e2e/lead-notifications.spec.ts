import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import type { ParsedMail } from "mailparser";
import { e2eServerEnv } from "../playwright.config";
import { DEMO_PASSWORD, demoEmail, expect, signInViaApi, test } from "./fixtures";
import { digestDueAt } from "./support/digest";
import { listACarToday } from "./support/lead-news";
import { startTestSmtpServer, type TestSmtpServer } from "@/lib/testing/smtp-test-server";
import { waitFor } from "@/lib/testing/wait-for-server";

/**
 * Lead emails through a real SMTP server: a second dashboard (embedded
 * emulator, its own database and emulator files, on E2E_PORT + 1300) with
 * SMTP_URL pointed at an smtp-server started here. A manager assigns a lead on
 * its page and the salesperson gets one email; the managers' digest, driven
 * through the test hook, arrives with its counts. No message carries the API
 * key, and every link points at the dashboard or the lead's listing.
 *
 * Needs leads: the start-up sync records the demo customers' sightings.
 */

const PORT = Number(process.env.E2E_PORT ?? 3100) + 1300;
const DASHBOARD_URL = `http://localhost:${PORT}`;
/** The key the dashboard calls its embedded emulator with: a secret that must never reach an email. */
const API_KEY = `mail-e2e-key-${Math.random().toString(36).slice(2)}-do-not-leak`;

interface LeadRow {
  key: number;
  listingUrl: string | null;
  listingTitle: string | null;
  status: string;
  assignee: { id: number; name: string } | null;
  customer: { rego: string | null };
}

let smtp: TestSmtpServer;
let app: ChildProcess | undefined;
let dataDir: string;
let admin: APIRequestContext;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  smtp = await startTestSmtpServer();
  dataDir = mkdtempSync(join(tmpdir(), "lead-notifications-"));
  app = spawn("npx", ["next", "start", "-p", String(PORT)], {
    env: {
      ...process.env,
      ...e2eServerEnv,
      PORT: String(PORT),
      DATABASE_URL: `file:${dataDir}/dashboard.db`,
      EMULATOR_DB: `${dataDir}/emulator.db`,
      EMULATOR_API_KEYS: API_KEY,
      SMTP_URL: smtp.url,
      MAIL_FROM: "Recapture <recapture@dealership.example>",
      DASHBOARD_URL,
    },
    stdio: "ignore",
    detached: true,
  });
  await waitFor(`${DASHBOARD_URL}/api/health`, app);
  admin = await playwrightRequest.newContext({
    baseURL: DASHBOARD_URL,
    // The dashboard refuses a write from another origin.
    extraHTTPHeaders: { Origin: DASHBOARD_URL },
    storageState: await signInViaApi(DASHBOARD_URL, demoEmail("admin"), DEMO_PASSWORD),
  });
  // The start-up sync records the demo customers' sightings as leads.
  await expect
    .poll(async () => ((await (await admin.get("/api/leads")).json()) as { total: number }).total, {
      timeout: 60_000,
    })
    .toBeGreaterThan(0);
});

test.afterAll(async () => {
  await admin?.dispose();
  if (app?.pid && app.exitCode === null) process.kill(-app.pid, "SIGTERM");
  await smtp?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Every lead the instance has, for the listing links an email may carry. */
async function allLeads(): Promise<LeadRow[]> {
  const leads: LeadRow[] = [];
  for (let page = 1; ; page += 1) {
    const body = (await (await admin.get(`/api/leads?size=100&page=${page}`)).json()) as {
      total: number;
      leads: LeadRow[];
    };
    leads.push(...body.leads);
    if (body.leads.length === 0 || leads.length >= body.total) return leads;
  }
}

/** The links of a message, from its text and its HTML. */
function linksOf(mail: ParsedMail): string[] {
  const html = typeof mail.html === "string" ? mail.html : "";
  const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map(([, href]) => href!.replaceAll("&amp;", "&"));
  const plain = [...(mail.text ?? "").matchAll(/\b(?:https?|ftp|file|javascript):[^\s<>"]+/gi)].map(
    ([url]) => url,
  );
  return [...hrefs, ...plain];
}

function expectSafe(mail: ParsedMail, listings: ReadonlySet<string>) {
  const raw = `${mail.subject ?? ""}\n${mail.text ?? ""}\n${typeof mail.html === "string" ? mail.html : ""}`;
  expect(raw, "no message carries the API key").not.toContain(API_KEY);
  const links = linksOf(mail);
  expect(links.length).toBeGreaterThan(0);
  for (const link of links)
    expect(
      link === DASHBOARD_URL || link.startsWith(`${DASHBOARD_URL}/`) || listings.has(link),
      `${link} points at the dashboard or a lead's listing`,
    ).toBe(true);
}

const sentTo = (address: string) =>
  smtp.received.filter((mail) => mail.to && [mail.to].flat().some((to) => to.text.includes(address)));

test("a manager assigns a lead on its page and the salesperson gets one email through SMTP", async ({
  browser,
}) => {
  // A New lead whatever the demo's history holds: a car listed today.
  await listACarToday(admin);
  const lead = (await allLeads()).find(
    (row) => row.status === "new" && row.assignee === null && row.listingUrl,
  );
  if (!lead)
    throw new Error("No lead is New, unassigned and listed: the demo's sightings should have made some");

  const context = await browser.newContext({
    baseURL: DASHBOARD_URL,
    storageState: await signInViaApi(DASHBOARD_URL, demoEmail("manager"), DEMO_PASSWORD),
  });
  try {
    const page = await context.newPage();
    await page.goto(`/leads/${lead.key}`);
    await page.getByLabel("Assign to").selectOption({ label: "Demo Staff" });
    await page.getByRole("button", { name: "Assign", exact: true }).click();
    await expect(
      page.getByRole("list", { name: "History" }).getByText("Assigned to Demo Staff"),
    ).toBeVisible();
  } finally {
    await context.close();
  }

  const staff = demoEmail("staff");
  await expect.poll(() => sentTo(staff).length, { timeout: 15_000 }).toBe(1);
  const mail = sentTo(staff)[0]!;
  expect(mail.subject).toMatch(/^Lead assigned to you: /);
  if (lead.customer.rego) expect(mail.subject).toContain(lead.customer.rego);
  expect(mail.from?.text).toContain("recapture@dealership.example");
  expect(mail.text).toContain("Demo Manager assigned a lead to you");
  expect(mail.text).toContain(lead.listingTitle ?? "Untitled listing");
  expect(mail.text).toContain(lead.listingUrl!);
  expect(mail.text).toContain(`${DASHBOARD_URL}/leads/${lead.key}`);
  expectSafe(mail, new Set([lead.listingUrl!]));
  // Nobody else was written to about it.
  expect(smtp.received).toHaveLength(1);
});

test("the managers' digest, driven through the test hook, arrives by SMTP with its counts", async () => {
  // The demo's sightings are the dealership's history: today's news is a car listed today.
  await listACarToday(admin);
  const before = smtp.received.length;
  const at = digestDueAt();
  const response = await admin.post(`/api/test-hooks/digest?at=${encodeURIComponent(at)}`);
  expect(response.status()).toBe(200);
  const result = (await response.json()) as {
    outcome: string;
    day: string;
    newLeads: number;
    priceDrops: number;
    messages: number;
  };
  expect(result).toMatchObject({ outcome: "sent" });
  expect(result.newLeads).toBeGreaterThan(0);
  // One each to the demo's manager and admin, who both want lead emails.
  expect(result.messages).toBe(2);
  await expect.poll(() => smtp.received.length - before, { timeout: 15_000 }).toBe(2);

  const [year, month, day] = result.day.split("-");
  const digests = sentTo(demoEmail("manager"));
  expect(digests).toHaveLength(1);
  const digest = digests[0]!;
  expect(digest.subject).toMatch(
    new RegExp(`^Leads for ${day}/${month}/${year}: \\d+ new leads?, \\d+ price drops?$`),
  );
  expect(digest.subject).toContain(`${result.newLeads} new lead`);
  expect(digest.subject).toContain(`${result.priceDrops} price drop`);
  expect(digest.text).toContain(`New leads (${result.newLeads})`);
  expect(digest.text).toContain(`See every lead: ${DASHBOARD_URL}/leads`);
  expect(sentTo(demoEmail("admin"))).toHaveLength(1);
  expect(sentTo(demoEmail("staff")), "the digest is the managers'").toHaveLength(1);
  const listings = new Set((await allLeads()).flatMap(({ listingUrl }) => (listingUrl ? [listingUrl] : [])));
  expectSafe(digest, listings);

  // Once a day, even when asked again.
  const again = await admin.post(`/api/test-hooks/digest?at=${encodeURIComponent(at)}`);
  expect(await again.json()).toMatchObject({ outcome: "already-sent" });
  expect(smtp.received.length - before).toBe(2);
});
