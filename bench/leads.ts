/**
 * `npm run bench:leads`: the leads' reads on 100,000 indexed customers and 30,000 leads, for each
 * engine in one run: p50/p95 of each question in QUESTIONS, asked through its route handler with a
 * signed-in session, as the browser asks it (auth, the query, the JSON). Target: every p95 under
 * 100 ms.
 *
 * The data is seeded straight into the dashboard's database, as the sync writes it: the customers
 * through the index's page writer, the leads through recordLeadSightings (first seen over the last
 * year, a few hundred at a time), then worked by people: contacted, assigned, won, lost, dismissed.
 * SQLite is a temporary file; PostgreSQL as bench/bench-engines.ts says. BENCH_CUSTOMERS and
 * BENCH_LEADS change the counts; BENCH_ENGINES=sqlite (or postgresql) runs one engine.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { Updateable } from "kysely";
import { NextRequest } from "next/server";
import { GET as getLead } from "@/app/api/leads/[key]/route";
import { GET as getLeads } from "@/app/api/leads/route";
import { GET as getOverview } from "@/app/api/overview/route";
import type { LeadStatus } from "@/lib/leads/lead-status";
import type { Customer } from "@/lib/recapture/schemas";
import type { Role } from "@/lib/auth/roles";
import { SESSION_COOKIE, sealSessionToken } from "@/lib/server/auth/cookie";
import { createSession } from "@/lib/server/auth/sessions";
import { closeDatabase, database } from "@/lib/server/db";
import { writeIndexPage } from "@/lib/server/db/customer-index";
import { recordLeadSightings } from "@/lib/server/db/leads";
import type { LeadsTable } from "@/lib/server/db/schema";
import { insertUser } from "@/lib/server/db/users";
import { forgetSettings } from "@/lib/server/env";
import { benchEngines, percentile } from "./bench-engines";

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const LEADS = Number(process.env.BENCH_LEADS ?? 30_000);
const PAGE = 500;
/** Leads the sync finds at once: a page's worth of listings spread over the year. */
const LEADS_AT_ONCE = 100;
const SALESPEOPLE = 6;
const RUNS = 60;
const WARM_UP = 5;
const TARGET_MS = 100;

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;
const format = (n: number) => Math.round(n).toLocaleString("en-AU");

type RouteHandler = (
  request: NextRequest,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

/** Who asks: a manager, a viewer, or the first salesperson (who has leads of their own, for "mine"). */
type Asker = "manager" | "viewer" | "salesperson";

/** A question the leads' pages put to the server, by name: a route handler, the path asked and who asks. */
interface Question {
  name: string;
  handler: RouteHandler;
  /** Path and query, as the page requests it; a function of the run number to vary it between runs. */
  path: (run: number) => string;
  /** The route's path parameters for that path, for a dynamic route. */
  params?: (run: number) => Record<string, string>;
  asker: Asker;
}

/** Spreads runs over the seeded rows, so a run doesn't only find what the one before left in the cache. */
const spread = (run: number, count: number) => (run * 7919) % count;

/** Searches as people type them: part of a customer's name, part of a rego (B000123), more or less of it. */
const NAME_SEARCHES = [
  "customer 4",
  "Customer 42",
  "customer 421",
  "Customer 4213",
  "customer 7",
  "Customer 73",
];
const REGO_SEARCHES = ["B04", "b042", "B0421", "B04213", "B07", "b073"];

const inboxPage = (name: string, query: (run: number) => string, asker: Asker = "manager"): Question => ({
  name,
  handler: getLeads,
  path: (run) => `/api/leads?${query(run)}`,
  asker,
});

/**
 * What is timed: the overview's figures and the /leads inbox's pages, as a manager opens them (a
 * salesperson for "mine"), and a lead's page.
 */
const QUESTIONS: Question[] = [
  { name: "overview's figures", handler: getOverview, path: () => "/api/overview", asker: "viewer" },
  { name: "leads inbox, default page", handler: getLeads, path: () => "/api/leads", asker: "manager" },
  inboxPage("leads inbox, filtered page", () => "status=new,contacted&within=30&seller=private"),
  inboxPage("search, a name", (run) => `q=${encodeURIComponent(NAME_SEARCHES[run % NAME_SEARCHES.length]!)}`),
  inboxPage("search, a rego", (run) => `q=${REGO_SEARCHES[run % REGO_SEARCHES.length]}`),
  inboxPage("price, cheapest first", () => "sort=price&dir=asc"),
  inboxPage("price, dearest first", () => "sort=price&dir=desc"),
  inboxPage("price, cheapest first, page 20", () => "sort=price&dir=asc&page=20"),
  inboxPage("price, dearest first, page 20", () => "sort=price&dir=desc&page=20"),
  inboxPage("assignee mine (a salesperson)", () => "assignee=mine", "salesperson"),
  {
    name: "a lead's page",
    // Its params are the path's key, which `params` below gives.
    handler: getLead as RouteHandler,
    path: (run) => `/api/leads/${1 + spread(run, LEADS)}`,
    params: (run) => ({ key: String(1 + spread(run, LEADS)) }),
    asker: "manager",
  },
];

const customerId = (index: number) => `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`;
const leadId = (index: number) => `bench-lead-${index}`;
/** Every (CUSTOMERS / LEADS)-th customer's car has been listed: one lead each. */
const leadEvery = Math.max(1, Math.floor(CUSTOMERS / LEADS));
const hasLead = (index: number) => index % leadEvery === 0 && index / leadEvery < LEADS;

function customer(index: number, now: number): Customer {
  const listed = hasLead(index);
  return {
    id: customerId(index),
    last_updated: new Date(now - 400 * DAY_MS).toISOString(),
    rego: `B${String(index).padStart(6, "0")}`,
    state: ["NSW", "VIC", "QLD", "WA", "SA"][index % 5]!,
    vin: null,
    external_id: `DMS-${index}`,
    sale_date: "2021-03-15T00:00:00.000Z",
    monitor_start_date: "2025-01-01T00:00:00.000Z",
    monitor_end_date: null,
    vehicle_title: "2019 Toyota Camry Ascent Sport",
    additional_fields: { customer_name: `Customer ${index}`, phone: `04${String(index).padStart(8, "0")}` },
    sightings: listed
      ? [
          {
            at: new Date(now - 380 * DAY_MS).toISOString(),
            lead_id: leadId(index),
            listing_url: `https://www.carsales.com.au/cars/details/${leadId(index)}/`,
            listing_title: "2019 Toyota Camry Ascent Sport",
            listing_price: 20_000 + (index % 40) * 500,
            seller_type: index % 3 === 0 ? "dealer" : "private",
          },
        ]
      : [],
  };
}

async function seedCustomers(now: number) {
  for (let start = 0; start < CUSTOMERS; start += PAGE) {
    const customers = Array.from({ length: Math.min(PAGE, CUSTOMERS - start) }, (_, offset) =>
      customer(start + offset, now),
    );
    await writeIndexPage({ region: "au", pass: 1, customers }, new Date(now - 400 * DAY_MS));
  }
}

/** Where the n-th lead of a batch stands after people worked it: a mix a busy dealership might have. */
function worked(
  n: number,
  seenAt: number,
  now: number,
  salespeople: number[],
): Updateable<LeadsTable> | undefined {
  const share = n % 20;
  if (share < 7) return undefined;
  if (share >= 18)
    return {
      status: "dismissed",
      status_changed_at: new Date(Math.min(now, seenAt + HOUR_MS)).toISOString(),
    };
  const status: LeadStatus =
    share < 10 ? "contacted" : share < 12 ? "appointment" : share < 15 ? "won" : "lost";
  const contactedAt = Math.min(now, seenAt + (((n * 7) % 48) + 1) * HOUR_MS);
  const changedAt = status === "contacted" ? contactedAt : Math.min(now, contactedAt + (n % 10) * DAY_MS);
  return {
    status,
    lost_reason: status === "lost" ? "sold_elsewhere" : null,
    assignee_user_id: salespeople[n % salespeople.length]!,
    first_contacted_at: new Date(contactedAt).toISOString(),
    status_changed_at: new Date(changedAt).toISOString(),
  };
}

/** The leads, first seen over the last year a batch at a time, then worked. */
async function seedLeads(now: number, salespeople: number[]) {
  const db = await database();
  const listed = Array.from({ length: CUSTOMERS }, (_, index) => index).filter(hasLead);
  const batches = Math.ceil(listed.length / LEADS_AT_ONCE);
  for (let batch = 0; batch < batches; batch++) {
    const seenAt = now - ((batches - batch) / batches) * 364 * DAY_MS;
    const indexes = listed.slice(batch * LEADS_AT_ONCE, (batch + 1) * LEADS_AT_ONCE);
    await db.transaction().execute(async (trx) => {
      const { added } = await recordLeadSightings(
        trx,
        "au",
        indexes.map((index) => ({
          customerId: customerId(index),
          sightings: customer(index, now).sightings,
        })),
        new Date(seenAt),
      );
      for (const [n, key] of added.entries()) {
        const changes = worked(n, seenAt, now, salespeople);
        if (changes) await trx.updateTable("leads").set(changes).where("key", "=", key).execute();
      }
    });
  }
  return listed.length;
}

async function sessionCookieOf(userId: number): Promise<string> {
  return `${SESSION_COOKIE}=${await sealSessionToken(await createSession(userId))}`;
}

async function sessionCookie(role: Role, email: string): Promise<string> {
  return sessionCookieOf((await insertUser({ email, name: null, role, passwordHash: "x" }))!.id);
}

async function ask(question: Question, cookie: string, run: number): Promise<void> {
  const request = new NextRequest(`http://localhost:3000${question.path(run)}`, {
    headers: { host: "localhost:3000", cookie },
  });
  const response = await question.handler(request, { params: Promise.resolve(question.params?.(run) ?? {}) });
  if (response.status !== 200)
    throw new Error(`${question.name}: ${response.status} ${await response.text()}`);
  await response.text();
}

async function measure(question: Question, cookie: string) {
  const times: number[] = [];
  for (let run = 0; run < WARM_UP + RUNS; run++) {
    const started = performance.now();
    await ask(question, cookie, run);
    if (run >= WARM_UP) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

async function main() {
  const folder = mkdtempSync(join(tmpdir(), "bench-leads-"));
  try {
    for (const engine of await benchEngines(folder, "leads")) {
      process.env.DATABASE_URL = engine.url;
      forgetSettings();
      await closeDatabase();
      const now = Date.now();
      const seeding = performance.now();
      await seedCustomers(now);
      const salespeople = await Promise.all(
        Array.from(
          { length: SALESPEOPLE },
          async (_, index) =>
            (await insertUser({
              email: `sales${index}@bench.example`,
              name: null,
              role: "staff",
              passwordHash: "x",
            }))!.id,
        ),
      );
      const leads = await seedLeads(now, salespeople);
      console.log(
        `\n${engine.name}: ${format(CUSTOMERS)} customers and ${format(leads)} leads seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
      );
      const cookies = new Map<Asker, string>([
        ["manager", await sessionCookie("manager", "manager@bench.example")],
        ["viewer", await sessionCookie("viewer", "viewer@bench.example")],
        ["salesperson", await sessionCookieOf(salespeople[0]!)],
      ]);
      for (const question of QUESTIONS) {
        const { p50, p95 } = await measure(question, cookies.get(question.asker)!);
        const line = `  ${question.name.padEnd(36)} p50 ${p50.toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms${p95 >= TARGET_MS ? "   OVER TARGET" : ""}`;
        console.log(line);
      }
      await closeDatabase();
      await engine.done();
    }
    console.log(
      `\nTarget: every p95 under ${TARGET_MS} ms. Load average while it ran: ${loadavg()
        .map((load) => load.toFixed(2))
        .join(", ")}`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
