import Papa from "papaparse";
import { expect, it } from "vitest";
import { CUSTOMER_COLUMNS } from "@/lib/customer-export/columns";
import type { CustomerIndexSearch } from "@/lib/customer-index/query-params";
import type { Customer } from "@/lib/recapture/schemas";
import { listAuditEntries } from "@/lib/server/db/audit-log";
import { writeIndexPage } from "@/lib/server/db/customer-index";
import { finishSyncPass, recordCompletePass, startSyncPass } from "@/lib/server/db/customer-sync-state";
import { openWorkbook } from "@/lib/spreadsheet";
import { describeEachEngine } from "@/lib/testing/database-engines";
import { testCustomer } from "@/lib/testing/test-customer";
import { startCustomersExport } from "./customers-export";
import { customersExportStream, type ExportEnd, type ExportRequest } from "./export-stream";
import type { ExportFormat } from "@/lib/server/spreadsheet-export/sheet-writer";

const FORMULA = '=HYPERLINK("http://x")';

function customer(i: number, fields: Partial<Customer> = {}): Customer {
  return testCustomer({
    id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, "0")}`,
    rego: `ABC${String(i).padStart(3, "0")}`,
    state: i % 2 === 0 ? "VIC" : "NSW",
    external_id: `CUST-${i}`,
    sale_date: "2022-01-07T00:00:00.000Z",
    additional_fields: { phone: "+61 400 000 000", note: "line one\nline, two" },
    ...fields,
  });
}

/** 25 customers, the one sorted first with a formula for an external id. */
async function indexCustomers() {
  await writeIndexPage({
    region: "au",
    pass: 1,
    customers: Array.from({ length: 25 }, (_, i) => customer(i, i === 0 ? { external_id: FORMULA } : {})),
  });
}

const everyone = { region: "au", sort: "rego", direction: "asc" } as const;
const columns = ["rego", "external_id", "sale_date", "sightings", "field:phone", "field:note"] as const;

function request(format: ExportFormat, fields: Partial<ExportRequest> = {}): ExportRequest {
  return { question: everyone, columns, format, timeZone: "Australia/Melbourne", ...fields };
}

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The header row both files begin with: the chosen columns, then the chosen additional fields. */
const HEADERS = [
  "Rego",
  "External ID",
  "Sale date",
  "Sightings",
  "Latest sighting",
  "Latest price (AUD)",
  "phone",
  "note",
];

describeEachEngine("the customers export", () => {
  it("writes a CSV with a byte-order mark, the table's headers and every customer, formulas neutralised", async () => {
    await indexCustomers();
    let ended: ExportEnd | undefined;
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(
      await bytesOf(
        customersExportStream(request("csv"), { chunkSize: 10, onEnd: async (end) => void (ended = end) }),
      ),
    );
    expect(text.startsWith("\uFEFFRego,External ID,")).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(HEADERS);
    expect(rows).toHaveLength(26);
    expect(rows[1]).toEqual([
      "ABC000",
      `'${FORMULA}`,
      "07/01/2022",
      "0",
      "",
      "",
      "'+61 400 000 000",
      "line one\nline, two",
    ]);
    expect(ended).toEqual({ rows: 25, complete: true });
  });

  it("writes a workbook the dashboard's own reader reads back, text as text and dates as dates", async () => {
    await indexCustomers();
    const workbook = await openWorkbook(
      await bytesOf(
        customersExportStream(request("xlsx", { question: { ...everyone, state: "VIC" } }), { chunkSize: 4 }),
      ),
    );
    expect(workbook.sheets).toEqual(["Customers"]);
    const rows = await workbook.readSheet(0);
    expect(rows[0]).toEqual(HEADERS);
    expect(rows).toHaveLength(1 + 13);
    expect(rows[1]).toEqual([
      "ABC000",
      FORMULA,
      "2022-01-07",
      "0",
      "",
      "",
      "+61 400 000 000",
      "line one\nline, two",
    ]);
  });

  it("stops walking the index when its reader goes away", async () => {
    await indexCustomers();
    let ended: ExportEnd | undefined;
    let chunks = 0;
    const reader = customersExportStream(request("csv"), {
      chunkSize: 5,
      onChunk: async () => void (chunks += 1),
      onEnd: async (end) => void (ended = end),
    }).getReader();
    await reader.read(); // the header
    await reader.read(); // the first five
    await reader.cancel();
    expect(ended).toEqual({ rows: 5, complete: false });
    expect(chunks).toBeLessThanOrEqual(2);
  });

  const user = { id: 7, email: "mel@dealer.example", name: "Mel", role: "viewer" } as const;
  const search: CustomerIndexSearch = { sort: "rego", direction: "asc", state: "VIC", page: 3, pageSize: 25 };
  const order = (format: ExportFormat) => ({
    user,
    region: "au" as const,
    search,
    columns: [...CUSTOMER_COLUMNS],
    format,
    timeZone: "Australia/Melbourne",
  });

  it("waits for the index's first complete pass, allows one export at a time per person, and audits each", async () => {
    await indexCustomers();
    await expect(startCustomersExport(order("csv"))).rejects.toMatchObject({ kind: "conflict" });
    const now = new Date();
    const { pass } = await startSyncPass("au", now);
    await recordCompletePass("au", pass, now);
    await finishSyncPass("au", pass, now);

    const first = await startCustomersExport(order("csv"));
    expect(first.fileName).toMatch(/^customers-\d{4}-\d\d-\d\d\.csv$/);
    await expect(startCustomersExport(order("xlsx"))).rejects.toMatchObject({ kind: "busy" });
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await bytesOf(first.body));
    // Every VIC customer, not only the page the table was on.
    expect(text.trim().split("\r\n")).toHaveLength(1 + 13);
    const { entries } = await listAuditEntries({ limit: 1, offset: 0 });
    expect(entries[0]).toMatchObject({ action: "customers.export", outcome: "success", userId: 7 });
    expect(entries[0]!.detail).toMatch(
      /^13 customers as csv; filters \?state=VIC&sort=rego; columns rego,state,/,
    );

    const second = await startCustomersExport(order("xlsx"));
    expect(second.fileName).toMatch(/\.xlsx$/);
    await second.body.cancel();
  });
});
