/**
 * `npm run bench:export`: the customers export on 100,000 indexed customers (a fifth with
 * sightings), for each engine: the whole list, newest sighting first, written as CSV and as
 * .xlsx through the route's stream, read as a download would; rows, bytes, seconds and how far
 * the process's RSS rose above where it was before the export.
 *
 * The index is filled directly with writeIndexPage (as the sync's pages are written). SQLite is
 * a temporary file; PostgreSQL as bench/bench-engines.ts says. BENCH_CUSTOMERS changes the count.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CUSTOMER_COLUMNS } from "@/lib/customer-export/columns";
import type { Customer } from "@/lib/recapture/schemas";
import { customersExportStream } from "@/lib/server/customer-export/export-stream";
import type { ExportFormat } from "@/lib/server/spreadsheet-export/sheet-writer";
import { closeDatabase } from "@/lib/server/db";
import { writeIndexPage } from "@/lib/server/db/customer-index";
import { forgetSettings } from "@/lib/server/env";
import { benchEngines } from "./bench-engines";

const COUNT = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const PAGE = 500;
const STATES = ["NSW", "VIC", "QLD", "WA", "SA", "TAS", "ACT"];
const NAMES = ["Olivia Smith", "Jack Nguyen", "Priya Patel", "Wei Chen", "Mia O'Brien", "Noah Kelly"];
const DAY_MS = 86_400_000;
const columns = [...CUSTOMER_COLUMNS, "field:customer_name", "field:phone"] as const;

const format = (n: number) => Math.round(n).toLocaleString("en-AU");
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function customer(i: number): Customer {
  const seen = i % 5 === 0;
  const at = (days: number) => new Date(Date.UTC(2025, 0, 1) + days * DAY_MS).toISOString();
  return {
    id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, "0")}`,
    last_updated: at(i % 300),
    rego: `B${String(i).padStart(6, "0")}`,
    state: STATES[i % STATES.length]!,
    vin: i % 3 === 0 ? `JTDBR32E${String(100_000_000 + i)}` : null,
    external_id: i % 1000 === 0 ? `=HYPERLINK("http://x/${i}")` : `DMS-${100_000 + i}`,
    sale_date: at(-(i % 3000)),
    monitor_start_date: at(-(i % 3000)),
    monitor_end_date: at(365 + (i % 700)),
    vehicle_title: "2019 Toyota Camry Ascent",
    sightings: seen
      ? [0, 1].map((n) => ({
          at: at((i % 330) + n * 7),
          lead_id: `lead-${i}-${n}`,
          listing_url: `https://example.com/listing/${i}-${n}`,
          listing_title: "2019 Toyota Camry",
          listing_price: 25_000 + (i % 5_000) - n * 500,
          seller_type: n === 0 ? "private" : "dealer",
        }))
      : [],
    additional_fields: { customer_name: NAMES[i % NAMES.length]!, phone: `04${String(i).padStart(8, "0")}` },
  };
}

async function fillIndex() {
  const started = performance.now();
  for (let start = 0; start < COUNT; start += PAGE) {
    const page = Array.from({ length: Math.min(PAGE, COUNT - start) }, (_, i) => customer(start + i));
    await writeIndexPage({ region: "au", pass: 1, customers: page });
  }
  return (performance.now() - started) / 1000;
}

async function measureExport(exportFormat: ExportFormat) {
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  let rows = 0;
  let bytes = 0;
  // When each chunk of 1,000 was asked for: the last should cost what the first did (no OFFSET to count past).
  const chunkTimes: number[] = [];
  const started = performance.now();
  const reader = customersExportStream(
    {
      question: { region: "au", sort: "newest_sighting", direction: "desc" },
      columns,
      format: exportFormat,
      timeZone: "Australia/Melbourne",
    },
    {
      onChunk: async () => void chunkTimes.push(performance.now()),
      onEnd: async (end) => void (rows = end.rows),
    },
  ).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.length;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  const gaps = chunkTimes.slice(1).map((at, i) => at - chunkTimes[i]!);
  const tenth = Math.max(1, Math.floor(gaps.length / 10));
  const mean = (list: number[]) => list.reduce((sum, gap) => sum + gap, 0) / list.length;
  console.log(
    `  ${exportFormat.padEnd(5)} ${format(rows)} rows, ${megabytes(bytes)} in ${seconds.toFixed(1)} s ` +
      `(${format(rows / seconds)} rows/s); per 1,000 rows: first tenth ${mean(gaps.slice(0, tenth)).toFixed(0)} ms, ` +
      `last tenth ${mean(gaps.slice(-tenth)).toFixed(0)} ms; peak RSS ${megabytes(peak)}, ` +
      `+${megabytes(peak - before)} over the ${megabytes(before)} before`,
  );
}

async function main() {
  const folder = mkdtempSync(join(tmpdir(), "bench-export-"));
  const engines = await benchEngines(folder, "export");
  try {
    for (const engine of engines) {
      process.env.DATABASE_URL = engine.url;
      forgetSettings();
      await closeDatabase();
      const filled = await fillIndex();
      console.log(
        `\n${engine.name}: ${format(COUNT)} customers indexed in ${filled.toFixed(1)} s; exporting all of them:`,
      );
      await measureExport("csv");
      await measureExport("xlsx");
      await closeDatabase();
      await engine.done();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
