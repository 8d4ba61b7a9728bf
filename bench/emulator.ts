/**
 * `npm run bench:emulator`: how fast the emulator accepts one 50,000-customer
 * upload (target: under 1 s) and processes it with the rate unthrottled
 * (target: at least 20,000 customers/s). Runs in-process, the way the app
 * mounts it, on a temporary database file.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEmulator } from "@/lib/emulator";
import { seededRandom } from "@/lib/emulator/random";

const CUSTOMERS = 50_000;
const KEY = "bench-key";

function customers() {
  const random = seededRandom("bench");
  return Array.from({ length: CUSTOMERS }, (_, i) => ({
    rego: `B${String(i).padStart(5, "0")}`,
    state: "VIC",
    // Most exports carry a VIN; the rest need a rego lookup.
    vin: random() < 0.7 ? `JTDBR32E${String(100_000_000 + i)}` : null,
    external_id: `CUST-${i}`,
    sale_date: "2022-06-15",
    additional_fields: { market_source: "dealer_crm", salesperson: "Priya Sharma" },
  }));
}

const folder = mkdtempSync(join(tmpdir(), "emulator-bench-"));
const emulator = createEmulator({
  db: join(folder, "bench.db"),
  apiKeys: [KEY],
  processRate: 0,
  control: false,
  rateLimitPerMinute: 1_000_000,
});
const call = (path: string, init?: RequestInit) =>
  emulator.fetch(
    new Request(`http://emulator.internal/v2/recapture${path}`, {
      ...init,
      headers: { ApiKey: KEY, "Content-Type": "application/json" },
    }),
  );

try {
  const body = JSON.stringify({
    name: "Bench",
    enable_rego_lookups: true,
    monitor_start_date: "2024-01-01",
    customers: customers(),
  });
  const postStart = performance.now();
  const posted = await call("/upload?region=au", { method: "POST", body });
  const acceptedMs = performance.now() - postStart;
  if (posted.status !== 202) throw new Error(`upload refused: ${posted.status} ${await posted.text()}`);
  const { upload } = (await posted.json()) as { upload: { id: string } };

  let processed = 0;
  while (processed < CUSTOMERS) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    const status = (await (await call(`/upload/${upload.id}?region=au`)).json()) as {
      upload: { total_processed_customers: number };
    };
    processed = status.upload.total_processed_customers;
  }
  const processedMs = performance.now() - postStart - acceptedMs;

  const format = (n: number) => Math.round(n).toLocaleString("en-AU");
  console.log(
    `upload of ${format(CUSTOMERS)} customers (${(body.length / 1e6).toFixed(1)} MB) accepted in ${format(acceptedMs)} ms: ${format((CUSTOMERS / acceptedMs) * 1000)} customers/s accepted`,
  );
  console.log(
    `processed in ${format(processedMs)} ms unthrottled: ${format((CUSTOMERS / processedMs) * 1000)} customers/s processed`,
  );
} finally {
  emulator.close();
  rmSync(folder, { recursive: true, force: true });
}
