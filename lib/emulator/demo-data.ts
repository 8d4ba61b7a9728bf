import { customerRow, prepareCustomer } from "./customer";
import { isoAt } from "./dates";
import { pick, pickWeighted, randomInt, seededRandom, type Random } from "./random";
import type { CustomerInput } from "./schemas";
import type { Store, UploadRow } from "./store";
import { generateVin } from "./vehicles";

/**
 * A believable dealership history for a new user to explore: about 1,500
 * Australian customers across six uploads made over the past 20 months, so the
 * simulated market has had time to list a realistic share of their cars.
 * The content repeats with the seed; ids are fresh, so loading twice is safe.
 */

const DAY_MS = 24 * 3600 * 1000;
const MONTH_MS = 30.44 * DAY_MS;

interface UploadPlan {
  monthsAgo: number;
  kind: string;
  customers: number;
  /** Share of rows exported with a VIN; the rest have only a plate. */
  vinShare: number;
  enableRegoLookups: boolean;
  /** Monitor every customer for this many months from the upload, or indefinitely. */
  monitorMonths: number | null;
}

const UPLOADS: readonly UploadPlan[] = [
  {
    monthsAgo: 20,
    kind: "New Vehicle Sales",
    customers: 380,
    vinShare: 0.92,
    enableRegoLookups: false,
    monitorMonths: 36,
  },
  {
    monthsAgo: 14,
    kind: "Used Vehicle Sales",
    customers: 260,
    vinShare: 0.55,
    enableRegoLookups: true,
    monitorMonths: null,
  },
  {
    monthsAgo: 9,
    kind: "Service Customers",
    customers: 320,
    vinShare: 0.8,
    enableRegoLookups: false,
    monitorMonths: 24,
  },
  {
    monthsAgo: 6,
    kind: "Fleet Customers",
    customers: 150,
    vinShare: 0.7,
    enableRegoLookups: true,
    monitorMonths: 12,
  },
  {
    monthsAgo: 3,
    kind: "New Vehicle Sales",
    customers: 250,
    vinShare: 0.9,
    enableRegoLookups: false,
    monitorMonths: 36,
  },
  {
    monthsAgo: 1,
    kind: "Used Vehicle Sales",
    customers: 140,
    vinShare: 0.6,
    enableRegoLookups: true,
    monitorMonths: null,
  },
];

/** Plate formats per state (L = letter, D = digit), weighted by each state's share of the car fleet. */
const STATES: readonly (readonly [{ state: string; plates: readonly string[] }, number])[] = [
  [{ state: "NSW", plates: ["LLDDLL", "LLLDDL"] }, 31],
  [{ state: "VIC", plates: ["LLLDDD", "DLLDLL"] }, 26],
  [{ state: "QLD", plates: ["DDDLLL", "DDDLLD"] }, 21],
  [{ state: "WA", plates: ["DLLLDDD"] }, 11],
  [{ state: "SA", plates: ["SDDDLLL"] }, 7],
  [{ state: "TAS", plates: ["LDDLL"] }, 2],
  [{ state: "ACT", plates: ["YLLDDL"] }, 2],
  [{ state: "NT", plates: ["CLDDLL"] }, 1],
];

const FIRST_NAMES =
  "Olivia Jack Charlotte William Amelia Noah Isla Oliver Mia Thomas Chloe James Grace Lachlan Sophie Liam Emily Ethan Ruby Lucas Priya Wei Minh Aarav Fatima Mohammed Anh Harpreet Giulia Nikos".split(
    " ",
  );
const LAST_NAMES =
  "Smith Jones Williams Brown Wilson Taylor Nguyen Johnson Martin White Anderson Walker Thompson Kelly Singh Patel Chen Wang Ryan O'Brien Murphy Russo Papadopoulos Tran Campbell".split(
    " ",
  );
const SALESPEOPLE = [
  "Priya Sharma",
  "Daniel Costa",
  "Mel Hughes",
  "Tom Nguyen",
  "Sarah Mitchell",
  "Josh Kowalski",
];
const BRANCHES = ["Ringwood", "Dandenong", "Parramatta", "Penrith", "Springwood", "Osborne Park"];
const LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

function plate(random: Random, format: string): string {
  return [...format]
    .map((slot) =>
      slot === "L" ? pick(random, [...LETTERS]) : slot === "D" ? String(randomInt(random, 0, 9)) : slot,
    )
    .join("");
}

function midnight(epochMs: number): string {
  return isoAt(Math.floor(epochMs / DAY_MS) * DAY_MS);
}

function demoCustomer(random: Random, plan: UploadPlan, createdMs: number): CustomerInput {
  // About one row in seventy comes out of a dealer system with neither plate nor VIN: a processing error.
  if (random() < 0.015)
    return { external_id: `DMS-${randomInt(random, 100_000, 999_999)}`, rego: "", vin: "" };
  const { state, plates } = pickWeighted(random, STATES);
  const firstName = pick(random, FIRST_NAMES);
  return {
    rego: plate(random, pick(random, plates)),
    state,
    vin: random() < plan.vinShare ? generateVin(random) : null,
    external_id: `DMS-${randomInt(random, 100_000, 999_999)}`,
    sale_date: midnight(createdMs - randomInt(random, 7, 6 * 365) * DAY_MS),
    additional_fields: {
      customer_name: `${firstName} ${pick(random, LAST_NAMES)}`,
      salesperson: pick(random, SALESPEOPLE),
      branch: pick(random, BRANCHES),
      customer_type: pickWeighted(random, [
        ["retail", 80],
        ["fleet", plan.kind === "Fleet Customers" ? 200 : 5],
        ["vip", 10],
      ]),
      market_source: "dealer_crm",
    },
  };
}

/** Writes the demo uploads and their processed customers for one account and region; returns the uploads' ids. */
export function loadDemoData(
  store: Store,
  target: { account: string; region: string; now: number; seed?: string },
) {
  const random = seededRandom(target.seed ?? "demo", "demo-data");
  let customers = 0;
  const uploadIds: string[] = [];
  store.transaction(() => {
    for (const plan of UPLOADS) {
      const createdMs = target.now - plan.monthsAgo * MONTH_MS - randomInt(random, 0, 10) * DAY_MS;
      const created_at = isoAt(createdMs);
      const month = new Date(createdMs).toLocaleString("en-AU", {
        month: "long",
        year: "numeric",
        timeZone: "UTC",
      });
      const upload: UploadRow = {
        id: crypto.randomUUID(),
        account: target.account,
        region: target.region,
        name: `${month} ${plan.kind}`,
        enable_rego_lookups: plan.enableRegoLookups ? 1 : 0,
        monitor_start_date: plan.monitorMonths === null ? null : midnight(createdMs),
        monitor_end_date:
          plan.monitorMonths === null ? null : midnight(createdMs + plan.monitorMonths * MONTH_MS),
        created_at,
        total_uploaded_customers: plan.customers,
        total_processed_customers: plan.customers,
        total_errors: 0,
        status: "complete",
      };
      let lookups = 0;
      for (let i = 0; i < plan.customers; i++) {
        const outcome = prepareCustomer(demoCustomer(random, plan, createdMs), {
          region: target.region,
          enableRegoLookups: plan.enableRegoLookups,
          defaults: upload,
        });
        if (!outcome.ok) {
          upload.total_errors++;
          continue;
        }
        if (outcome.lookedUp) lookups++;
        // Processed a few seconds after the upload, at a realistic pace.
        const processedAt = isoAt(createdMs + 2_000 + i * 2);
        store.insertCustomer(
          customerRow(outcome.fields, {
            id: crypto.randomUUID(),
            account: target.account,
            region: target.region,
            upload_id: upload.id,
            created_at: processedAt,
          }),
        );
        customers++;
      }
      store.insertUpload(upload);
      uploadIds.push(upload.id);
      if (lookups > 0) store.addLookups(target.account, target.region, lookups);
    }
  });
  return { uploadIds, customers };
}
