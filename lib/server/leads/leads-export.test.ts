import Papa from "papaparse";
import { beforeEach, expect, it } from "vitest";
import { LEAD_EXPORT_HEADERS } from "@/lib/leads/lead-export";
import { LEAD_SORTS, type LeadListQuery } from "@/lib/leads/lead-list";
import type { LeadListSearch } from "@/lib/leads/lead-list-params";
import type { Sighting } from "@/lib/recapture/schemas";
import { listAuditEntries } from "@/lib/server/db/audit-log";
import { database } from "@/lib/server/db";
import { listLeads, walkLeads } from "@/lib/server/db/lead-list";
import { recordLeadSightings } from "@/lib/server/db/leads";
import type { ExportFormat } from "@/lib/server/spreadsheet-export/sheet-writer";
import { openWorkbook } from "@/lib/spreadsheet";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { afterFirstCompletePass } from "@/lib/testing/index-history";
import { startLeadsExport } from "./leads-export";

const FORMULA = '=HYPERLINK("http://x","free car")';
const CONTACT = { name: ["customer_name"], phone: "mobile" };
const MONDAY = new Date("2026-11-30T21:00:00.000Z");
const TUESDAY = new Date("2026-12-01T21:00:00.000Z");
const NOW = new Date("2026-12-03T09:00:00.000Z");

function sighting(n: number, price: number | null): Sighting {
  return {
    at: `2026-11-${String(10 + (n % 7)).padStart(2, "0")}T00:00:00.000Z`,
    lead_id: `lead-${n}`,
    listing_url: `https://www.carsales.com.au/cars/details/lead-${n}/`,
    listing_title: n === 0 ? FORMULA : `Car ${n}`,
    listing_price: price,
    seller_type: n % 2 === 0 ? "private" : "dealer",
  };
}

/** A few ties on every sort and some leads without a price. */
const firstPrice = (n: number) => (n % 4 === 3 ? null : 20_000 + (n % 3) * 1_000);

async function record(at: Date, sightings: Sighting[]) {
  const db = await database();
  await db.transaction().execute((trx) =>
    recordLeadSightings(
      trx,
      "au",
      sightings.map((seen, n) => ({ customerId: `customer-${n}`, sightings: [seen] })),
      at,
    ),
  );
}

/** Fourteen leads, seen on Monday; on Tuesday some prices drop or rise. */
async function seed() {
  const leads = Array.from({ length: 14 }, (_, n) => sighting(n, firstPrice(n)));
  await record(MONDAY, leads);
  await record(
    TUESDAY,
    leads.map((seen, n) =>
      seen.listing_price !== null && n % 5 === 1
        ? { ...seen, listing_price: seen.listing_price - 500 * n }
        : seen,
    ),
  );
}

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const asker = { userId: 7 };
const user = { id: 7, email: "mel@dealer.example", name: "Mel", role: "viewer" } as const;

describeEachEngine("the leads export", () => {
  // Leads met after the index was first complete: news, not the dealership's history.
  beforeEach(() => afterFirstCompletePass());

  it("walks every lead in the inbox's order a chunk at a time, for each sort and direction", async () => {
    await seed();
    for (const sort of LEAD_SORTS)
      for (const direction of ["asc", "desc"] as const) {
        const question: LeadListQuery = { region: "au", sort, direction, page: 1, pageSize: 500 };
        const { leads } = await listLeads(question, asker, CONTACT, NOW);
        const walked = [];
        for await (const chunk of walkLeads(question, asker, CONTACT, { now: NOW, chunkSize: 3 }))
          walked.push(...chunk);
        expect(
          walked.map((lead) => lead.key),
          `${sort} ${direction}`,
        ).toEqual(leads.map((lead) => lead.key));
      }
  });

  const search: LeadListSearch = {
    sort: "price",
    direction: "asc",
    sellerType: "private",
    page: 2,
    pageSize: 25,
  };
  const order = (format: ExportFormat) => ({
    user,
    region: "au" as const,
    search,
    format,
    timeZone: "Australia/Melbourne",
    now: NOW,
    chunkSize: 2,
  });

  it("writes every matching lead as CSV, formulas neutralised, one export at a time, audited", async () => {
    await seed();
    const first = await startLeadsExport(order("csv"));
    expect(first.fileName).toBe("leads-2026-12-03.csv");
    await expect(startLeadsExport(order("xlsx"))).rejects.toMatchObject({ kind: "busy" });
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await bytesOf(first.body));
    expect(text.startsWith("\uFEFFSeen,Days listed,Vehicle,")).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    // Every private seller's lead, not only the page the inbox was on.
    expect(rows).toHaveLength(1 + 7);
    const formula = rows.find((row) => row[6] === "https://www.carsales.com.au/cars/details/lead-0/")!;
    expect(formula).toEqual([
      "01/12/2026",
      "23",
      "",
      "",
      "",
      `'${FORMULA}`,
      "https://www.carsales.com.au/cars/details/lead-0/",
      "20000",
      "0",
      "Private",
      "",
      "",
      "New",
      "",
    ]);
    const { entries } = await listAuditEntries({ limit: 1, offset: 0 });
    expect(entries[0]).toMatchObject({ action: "leads.export", outcome: "success", userId: 7 });
    expect(entries[0]!.detail).toBe("7 leads as csv; filters ?seller=private&sort=price");
  });

  it("writes a workbook with the title as text, prices and their change as numbers", async () => {
    await seed();
    const file = await startLeadsExport(order("xlsx"));
    expect(file.fileName).toBe("leads-2026-12-03.xlsx");
    const rows = await (await openWorkbook(await bytesOf(file.body))).readSheet(0);
    expect(rows).toHaveLength(1 + 7);
    expect(rows[0]).toEqual(LEAD_EXPORT_HEADERS);
    expect(rows.some((row) => row[5] === FORMULA)).toBe(true);
  });
});
