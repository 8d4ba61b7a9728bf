/**
 * `npm run bench:csv`: the CSV pipeline against papaparse alone, on a generated
 * 100,000-row, 12-column dealer export, then 1,000,000 rows for peak memory; and the
 * same 100,000 rows as an Excel workbook, timed to the review step.
 * Targets (issue 6): pipeline within 2× the bare parse, ≥ 300,000 rows/s, and
 * 1,000,000 rows without running out of memory. Issue 17: the .xlsx to the review
 * step in under 5 s.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { getHeapStatistics } from "node:v8";
import * as XLSX from "@e965/xlsx";
import Papa from "papaparse";
import {
  autoMapColumns,
  buildUploadPayloads,
  createReview,
  decodeCsvBytes,
  detectHeaderRow,
  parseCsvText,
  reviewCounts,
  type ReviewCounts,
} from "@/lib/csv";

const ROWS = 100_000;
const MEMORY_ROWS = 1_000_000;
const RUNS = 11;
const XLSX_RUNS = 5;
const DATE_SOLD = 10;
const MAX_CUSTOMERS_PER_UPLOAD = 10_000;

// ---------------------------------------------------------------- a dealer export

const HEADER = [
  "Customer No",
  "Customer Name",
  "Email",
  "Phone",
  "Address",
  "Suburb",
  "Registration State",
  "Rego No.",
  "VIN/Chassis",
  "Vehicle",
  "Date Sold",
  "Stock No",
];
const FIRST_NAMES = [
  "James",
  "Olivia",
  "Jack",
  "Charlotte",
  "William",
  "Amelia",
  "Noah",
  "Isla",
  "José",
  "Chloé",
  "Mia",
  "Liam",
];
const LAST_NAMES = [
  "Smith",
  "Nguyen",
  "Williams",
  "Brown",
  "Wilson",
  "Taylor",
  "Müller",
  "O'Brien",
  "Singh",
  "Chen",
  "Kelly",
  "Martin",
];
const STREETS = [
  "High St",
  "Station Rd",
  "Church St",
  "Victoria Pde",
  "Park Ave",
  "Main Rd",
  "King St",
  "Beach Rd",
];
const SUBURBS = [
  "Richmond",
  "Parramatta",
  "Fremantle",
  "Glenelg",
  "Southport",
  "Hobart",
  "Geelong",
  "Penrith",
];
const STATE_SPELLINGS = [
  "VIC",
  "NSW",
  "QLD",
  "WA",
  "SA",
  "TAS",
  "Victoria",
  "W.A.",
  "N.S.W.",
  "Qld",
  "NT",
  "ACT",
];
const VEHICLES = [
  "2019 Toyota Camry Ascent",
  "2021 Mazda CX-5 Maxx",
  "2018 Ford Ranger XLT",
  "2020 Hyundai i30 Active",
  "2017 Kia Cerato S",
  "2022 Toyota RAV4 GX",
];
const VIN_CHARACTERS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
const LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

// A fixed seed, so every run measures the same file.
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The export's rows, cell by cell: a title line, the header, then `rows` customers. */
function exportRows(rows: number, onRow: (cells: string[]) => void) {
  const next = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const characters = (alphabet: string, length: number) => {
    let text = "";
    for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
    return text;
  };
  onRow(["Sales report - all branches", ...Array<string>(HEADER.length - 1).fill("")]);
  onRow(HEADER);
  let previousVin = "";
  for (let row = 0; row < rows; row++) {
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    const unit = next() < 0.2 ? `Unit ${1 + Math.floor(next() * 20)}, ` : "";
    const street = `${1 + Math.floor(next() * 300)} ${pick(STREETS)}`;
    const roll = next();
    // About 1 in 500 rows repeats the car before, 1 in 500 has an impossible date,
    // 1 in 40 has no VIN (rego only) and 1 in 100 no rego (VIN only).
    const vin = roll < 0.002 ? previousVin : roll < 0.027 ? "" : characters(VIN_CHARACTERS, 17);
    const rego =
      roll > 0.99 ? "" : `${characters(LETTERS, 3)}${next() < 0.3 ? "-" : ""}${characters("0123456789", 3)}`;
    const day = roll > 0.004 && roll < 0.006 ? 31 : 1 + Math.floor(next() * 28);
    const month = roll > 0.004 && roll < 0.006 ? 2 : 1 + Math.floor(next() * 12);
    previousVin = vin || previousVin;
    onRow([
      `C${100000 + row}`,
      `${first} ${last}`,
      `${first.toLowerCase()}.${last.toLowerCase().replace("'", "")}${row}@example.com.au`,
      `04${characters("0123456789", 8)}`,
      `${unit}${street}`,
      pick(SUBURBS),
      pick(STATE_SPELLINGS),
      rego,
      vin,
      pick(VEHICLES),
      `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${2015 + Math.floor(next() * 8)}`,
      `S${characters("0123456789", 6)}`,
    ]);
  }
}

const csvLine = (cells: readonly string[]) =>
  cells.map((cell) => (cell.includes(",") ? `"${cell}"` : cell)).join(",");

function exportLines(rows: number, onLine: (line: string) => void) {
  exportRows(rows, (cells) => onLine(csvLine(cells)));
}

/** The export as the bytes of a file, built in pieces so a million rows never sit in one string twice. */
function exportBytes(rows: number): Uint8Array {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  let lines: string[] = [];
  exportLines(rows, (line) => {
    lines.push(line);
    if (lines.length === 10_000) {
      chunks.push(encoder.encode(`${lines.join("\r\n")}\r\n`));
      lines = [];
    }
  });
  chunks.push(encoder.encode(`${lines.join("\r\n")}\r\n`));
  const bytes = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/**
 * The same export as an Excel workbook, as a dealer system writes one: shared strings, and
 * Date Sold as date cells (the impossible dates stay text, as typed into a sheet).
 */
function exportWorkbook(rows: number): Uint8Array {
  const data: XLSX.CellObject[][] = [];
  exportRows(rows, (cells) =>
    data.push(
      cells.map((cell, column): XLSX.CellObject => {
        const [day, month, year] = cell.split("/").map(Number);
        const serial =
          (Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0) - Date.UTC(1899, 11, 30)) / 86_400_000;
        return column === DATE_SOLD && data.length > 1 && day !== undefined && day <= 28
          ? { t: "n", v: serial, z: "dd/mm/yyyy" }
          : { t: "s", v: cell };
      }),
    ),
  );
  const sheet: XLSX.WorkSheet = {
    "!data": data,
    "!ref": XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: data.length - 1, c: HEADER.length - 1 } }),
  };
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, "Deliveries");
  return new Uint8Array(
    XLSX.write(book, { type: "array", bookType: "xlsx", bookSST: true, compression: true }),
  );
}

interface XlsxFigures {
  runs: { open: number; columns: number; check: number; total: number }[];
  counts: ReviewCounts;
  peakHeapUsed: number;
  maxRss: number;
}

/** Times the workbook to the review step in a process of its own (bench/xlsx-review.ts), for a clean peak memory. */
function measureWorkbook(rows: number): { bytes: number; figures: XlsxFigures } {
  const workbook = exportWorkbook(rows);
  const folder = mkdtempSync(join(tmpdir(), "bench-xlsx-"));
  const path = join(folder, "export.xlsx");
  try {
    writeFileSync(path, workbook);
    const script = fileURLToPath(new URL("./xlsx-review.ts", import.meta.url));
    const output = execFileSync(process.execPath, [...process.execArgv, script, path, String(XLSX_RUNS)], {
      encoding: "utf8",
      maxBuffer: 1024 * 1024,
    });
    return {
      bytes: workbook.length,
      figures: JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as XlsxFigures,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- measuring

let peakHeapUsed = 0;
let peakRss = 0;
function sampleMemory() {
  const { heapUsed, rss } = process.memoryUsage();
  peakHeapUsed = Math.max(peakHeapUsed, heapUsed);
  peakRss = Math.max(peakRss, rss);
}

type Step = "decode" | "parse" | "check" | "payload";
const STEPS: readonly Step[] = ["decode", "parse", "check", "payload"];

/** decode → payload, as the upload wizard's worker runs it, sampling memory and timing each step. */
function runPipeline(
  bytes: Uint8Array,
  stepMs?: Record<Step, number[]>,
): { counts: ReviewCounts; parts: number } {
  let lap = performance.now();
  const step = (name: Step) => {
    sampleMemory();
    const now = performance.now();
    stepMs?.[name].push(now - lap);
    lap = now;
  };
  const { text } = decodeCsvBytes(bytes, Number.MAX_SAFE_INTEGER);
  step("decode");
  const { rows } = parseCsvText(text);
  step("parse");
  const headerRowIndex = detectHeaderRow(rows);
  const headers = rows[headerRowIndex] ?? [];
  const mapping = autoMapColumns(headers, rows.slice(headerRowIndex + 1));
  const review = createReview(rows, { headerRowIndex, mapping, region: "au" });
  const counts = reviewCounts(review);
  step("check");
  const payloads = buildUploadPayloads(
    review,
    { name: "Bench", enable_rego_lookups: false },
    MAX_CUSTOMERS_PER_UPLOAD,
  );
  step("payload");
  return { counts, parts: payloads.length };
}

// With `node --expose-gc` (as `npm run bench:csv` runs), each timed run starts from a
// collected heap, as a freshly dropped file does, instead of paying for the garbage of
// the run before it: that garbage made the ratio swing by a third from run to run.
const collectGarbage = (globalThis as { gc?: () => void }).gc;

interface Timings {
  wallMs: number[];
  cpuMs: number[];
}

function timed(timings: Timings, run: () => void) {
  collectGarbage?.();
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  run();
  timings.wallMs.push(performance.now() - start);
  const { user, system } = process.cpuUsage(cpuStart);
  timings.cpuMs.push((user + system) / 1000);
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const range = (values: readonly number[]) =>
  `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const bytes = exportBytes(ROWS);
const text = new TextDecoder().decode(bytes);
console.log(
  `${ROWS.toLocaleString("en-AU")} rows × ${HEADER.length} columns, ${(bytes.length / 1e6).toFixed(1)} MB; ${RUNS} runs of each, alternating, ` +
    `${collectGarbage ? "each after a full garbage collection" : "WITHOUT garbage collection between runs (run with node --expose-gc)"} ` +
    `(load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores)`,
);

// Bare: papaparse told the delimiter, on text already decoded: the least a parse costs.
const bareParse = () => Papa.parse<string[]>(text, { delimiter: "," });
let result = runPipeline(bytes);
bareParse(); // warm-up, as the pipeline's first run was: JIT and lazily built tables
const bare: Timings = { wallMs: [], cpuMs: [] };
const pipeline: Timings = { wallMs: [], cpuMs: [] };
const stepMs: Record<Step, number[]> = { decode: [], parse: [], check: [], payload: [] };
for (let run = 0; run < RUNS; run++) {
  timed(bare, bareParse);
  timed(pipeline, () => {
    result = runPipeline(bytes, stepMs);
  });
}
const { counts } = result;
const figures = (label: string, pick: (timings: Timings) => number[]) => {
  const [bareMs, pipelineMs] = [median(pick(bare)), median(pick(pipeline))];
  return (
    `${label.padEnd(10)} bare parse ${bareMs.toFixed(0).padStart(4)} ms (${range(pick(bare))})   ` +
    `pipeline ${pipelineMs.toFixed(0).padStart(4)} ms (${range(pick(pipeline))})   ` +
    `${(pipelineMs / bareMs).toFixed(2)}× bare (target ≤ 2×)   ${Math.round(ROWS / (pipelineMs / 1000)).toLocaleString("en-AU")} rows/s (target ≥ 300,000)`
  );
};
console.log(figures("wall clock", (timings) => timings.wallMs));
console.log(figures("CPU time", (timings) => timings.cpuMs));
const bareMs = median(bare.wallMs);
console.log(
  `pipeline steps, wall clock medians: ${STEPS.map((name) => `${name} ${median(stepMs[name]).toFixed(0)} ms (${(median(stepMs[name]) / bareMs).toFixed(2)}×)`).join(", ")}; ` +
    `decode and parse alone are ${((median(stepMs.decode) + median(stepMs.parse)) / bareMs).toFixed(2)}× the bare parse`,
);
console.log(
  `rows: ${counts.rowsInFile} in file = ${counts.sent} sent + ${counts.notSent} not sent ` +
    `(${counts.withErrors} errors, ${counts.duplicatesNotSent} duplicates); ${counts.paidLookups} paid lookups; ${result.parts} parts`,
);

const millionBytes = exportBytes(MEMORY_ROWS);
const millionStart = performance.now();
const million = runPipeline(millionBytes);
const millionMs = performance.now() - millionStart;
const maxRss = process.resourceUsage().maxRSS * 1024;
console.log(
  `${MEMORY_ROWS.toLocaleString("en-AU")} rows (${(millionBytes.length / 1e6).toFixed(0)} MB): ${(millionMs / 1000).toFixed(1)} s, ` +
    `${million.counts.sent} sent in ${million.parts} parts; peak heap used ${mb(peakHeapUsed)} (sampled after each step), ` +
    `peak RSS ${mb(Math.max(peakRss, maxRss))}, heap limit ${mb(getHeapStatistics().heap_size_limit)}`,
);

const workbook = measureWorkbook(ROWS);
const { runs: xlsxRuns, counts: xlsxCounts } = workbook.figures;
const stepMedian = (step: "open" | "columns" | "check") =>
  median(xlsxRuns.map((run) => run[step])).toFixed(0);
const totals = xlsxRuns.map((run) => run.total);
console.log(
  `${ROWS.toLocaleString("en-AU")}-row .xlsx (${(workbook.bytes / 1e6).toFixed(1)} MB), as the wizard's worker reads it: ` +
    `to the review step in ${(median(totals) / 1000).toFixed(2)} s median (${range(totals)} ms, ${xlsxRuns.length} runs; target < 5 s): ` +
    `opening the workbook and reading the sheet ${stepMedian("open")} ms, header and columns ${stepMedian("columns")} ms, checking the rows ${stepMedian("check")} ms; ` +
    `${xlsxCounts.rowsInFile} rows = ${xlsxCounts.sent} sent + ${xlsxCounts.notSent} not sent; ` +
    `peak heap used ${mb(workbook.figures.peakHeapUsed)}, peak RSS ${mb(workbook.figures.maxRss)} (a process of its own)`,
);
