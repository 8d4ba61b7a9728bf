/**
 * Run by `npm run bench:csv` (bench/csv.ts) in a process of its own, so the peak memory it
 * reports is the workbook's alone: opens the .xlsx named by argv[2] as the wizard's Web
 * Worker does, up to the review step (load → choose the header → check every row), and
 * prints the timings of each run and the peak memory as one line of JSON.
 */
import { readFileSync } from "node:fs";
import { argv } from "node:process";
import { createPipelineSession } from "@/components/upload-wizard/pipeline-session";
import { DEFAULT_MAX_FILE_BYTES } from "@/lib/csv";

const RUNS = Number(argv[3] ?? 5);
const bytes = readFileSync(argv[2] ?? "");
const collectGarbage = (globalThis as { gc?: () => void }).gc;

let peakHeapUsed = 0;
const sample = () => {
  peakHeapUsed = Math.max(peakHeapUsed, process.memoryUsage().heapUsed);
};
// The reader awaits each inflated chunk, so a timer gets to sample during the read too.
const sampler = setInterval(sample, 20);

const runs: { open: number; columns: number; check: number; total: number }[] = [];
let counts: unknown;
for (let run = 0; run < RUNS; run++) {
  collectGarbage?.();
  const session = createPipelineSession(() => {});
  const start = performance.now();
  const loaded = await session.handle({
    type: "load",
    file: new Blob([bytes]),
    maxBytes: DEFAULT_MAX_FILE_BYTES,
  });
  sample();
  const opened = performance.now();
  const columns = await session.handle({
    type: "choose-header",
    headerRowIndex: loaded.detectedHeaderRowIndex,
  });
  sample();
  const mapped = performance.now();
  const review = await session.handle({ type: "review", mapping: columns.suggestedMapping, region: "au" });
  sample();
  const checked = performance.now();
  runs.push({
    open: opened - start,
    columns: mapped - opened,
    check: checked - mapped,
    total: checked - start,
  });
  counts = review.counts;
}
clearInterval(sampler);
console.log(JSON.stringify({ runs, counts, peakHeapUsed, maxRss: process.resourceUsage().maxRSS * 1024 }));
