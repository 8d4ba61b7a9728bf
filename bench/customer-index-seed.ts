/**
 * Seeds an emulator database file for `npm run bench:index` (run by it as a child process, so the
 * seeding's memory doesn't count against the sync's peak RSS): COUNT customers in uploads of
 * 50,000, created eleven months ago so the simulated market has listed about a fifth of their cars
 * since. Prints the uploads' ids as JSON.
 *
 *   tsx bench/customer-index-seed.ts <emulator.db> <count> <api key>
 */
import { createEmulator } from "@/lib/emulator";
import { seededRandom } from "@/lib/emulator/random";

const [file, countText, key] = process.argv.slice(2);
const COUNT = Number(countText);
const PER_UPLOAD = 50_000;
const MONTH_MS = 30.44 * 24 * 3600 * 1000;

const FIRST =
  "Olivia Jack Charlotte William Amelia Noah Isla Oliver Mia Thomas Chloe James Grace Priya Wei Minh".split(
    " ",
  );
const LAST =
  "Smith Jones Williams Brown Wilson Taylor Nguyen Johnson Martin White Anderson Walker Kelly Singh Patel Chen Wang Ryan Murphy Tran Campbell Russo Thompson Lee".split(
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
const STATES = ["NSW", "NSW", "NSW", "VIC", "VIC", "VIC", "QLD", "QLD", "WA", "SA", "TAS", "ACT"];
const LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

const random = seededRandom("bench-index");
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const digits = (length: number) => Array.from({ length }, () => Math.floor(random() * 10)).join("");
const letters = (length: number) => Array.from({ length }, () => pick([...LETTERS])).join("");

function customer(index: number) {
  const first = pick(FIRST);
  const last = pick(LAST);
  return {
    rego: `${letters(3)}${digits(3)}`,
    state: pick(STATES),
    vin: random() < 0.7 ? `JTDBR32E${String(100_000_000 + index)}` : null,
    external_id: `DMS-${100_000 + index}`,
    sale_date: `20${10 + Math.floor(random() * 13)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
    additional_fields: {
      customer_name: `${first} ${last}`,
      email: `${first}.${last}${index}@example.com`.toLowerCase(),
      phone: `04${digits(2)} ${digits(3)} ${digits(3)}`,
      salesperson: pick(SALESPEOPLE),
      branch: pick(BRANCHES),
    },
  };
}

const createdAt = Date.now() - 11 * MONTH_MS;
let clock = createdAt;
const emulator = createEmulator({
  db: file!,
  apiKeys: [key!],
  processRate: 0,
  control: false,
  rateLimitPerMinute: 1_000_000_000,
  now: () => clock,
});
const call = async (path: string, init?: RequestInit) =>
  emulator.fetch(
    new Request(`http://emulator.internal/v2/recapture${path}`, {
      ...init,
      headers: { ApiKey: key!, "Content-Type": "application/json" },
    }),
  );

const uploadIds: string[] = [];
for (let start = 0; start < COUNT; start += PER_UPLOAD) {
  const customers = Array.from({ length: Math.min(PER_UPLOAD, COUNT - start) }, (_, i) =>
    customer(start + i),
  );
  const posted = await call("/upload?region=au", {
    method: "POST",
    body: JSON.stringify({ name: `Bench ${start / PER_UPLOAD + 1}`, enable_rego_lookups: false, customers }),
  });
  if (posted.status !== 202) throw new Error(`upload refused: ${posted.status} ${await posted.text()}`);
  const { upload } = (await posted.json()) as { upload: { id: string } };
  uploadIds.push(upload.id);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const status = (await (await call(`/upload/${upload.id}?region=au`)).json()) as {
      upload: { total_processed_customers: number; total_uploaded_customers: number };
    };
    if (status.upload.total_processed_customers === status.upload.total_uploaded_customers) break;
  }
  clock += 1000;
}
emulator.close();
console.log(JSON.stringify(uploadIds));
