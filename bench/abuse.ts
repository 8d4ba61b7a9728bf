/**
 * `npm run bench:abuse`: what signed-out abuse can do to a built dashboard, in one run, each
 * section printing its figures against its target.
 *
 * The dashboard runs `next start` on the embedded emulator (demo accounts) with fresh data in a
 * temporary folder. It is started with TRUST_PROXY=1 and every request carries X-Forwarded-For:
 * the benchmark stands in for one reverse proxy, which is how one machine can present the many
 * client addresses of an attacker and of a real user. Needs a production build (`npm run build`).
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { sessionCookie, startDashboard, type RunningDashboard } from "./dashboard";
import { uploadHealthInLiveMode } from "./upload-health";

const APP_PORT = 4101;
const DEMO_PASSWORD = "demo-password";

/** What a section gets: the running dashboard and a few ways into it. */
export interface BenchApp {
  baseUrl: string;
  /** Signs in as the demo admin, from an address of its own, and returns the Cookie header. */
  signIn(): Promise<string>;
  /** Bytes of the dashboard's database: the file, its write-ahead log and shared memory. */
  databaseBytes(): number;
}

/** One part of the benchmark: measures, and returns the lines to print. */
export type Section = (app: BenchApp) => Promise<string[]>;

let addressCount = 0;
/** A client address no other request of this run has used. */
const freshAddress = () => {
  addressCount++;
  return `10.${(addressCount >> 16) & 255}.${(addressCount >> 8) & 255}.${addressCount & 255}`;
};

async function signInFrom(
  baseUrl: string,
  address: string,
  credentials: { email: string; password: string },
): Promise<Response> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: baseUrl, "X-Forwarded-For": address },
    body: JSON.stringify(credentials),
  });
  // Read the body so the connection is free for the next request.
  await response.arrayBuffer();
  return response;
}

function countStatuses(responses: Response[]): string {
  const counts = new Map<number, number>();
  for (const { status } of responses) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${count} × ${status}`)
    .join(", ");
}

const ms = (start: number) => `${Math.round(performance.now() - start)} ms`;

/** 50 wrong passwords at once from one address: how many were actually checked (401)? Three rounds. */
const concurrentGuesses: Section = async ({ baseUrl }) => {
  const rounds: Response[][] = [];
  for (let round = 0; round < 3; round++) {
    const address = freshAddress();
    const email = `guessed-${round}@dealer.test`;
    rounds.push(
      await Promise.all(
        Array.from({ length: 50 }, (_, i) => signInFrom(baseUrl, address, { email, password: `guess-${i}` })),
      ),
    );
  }
  const checked = rounds.map((responses) => responses.filter(({ status }) => status === 401).length);
  return [
    "50 concurrent wrong passwords from one address, 3 rounds",
    `  answers per round: ${rounds.map(countStatuses).join(" | ")}`,
    `  most passwords checked (401) in a round: ${Math.max(...checked)}   (target: 5)`,
  ];
};

/**
 * A real user signs in from their own address while 200 attempts arrive at once: first 200 wrong
 * passwords for that user's own account from one address, then 200 guesses at other emails from
 * 200 addresses (which no per-address limit stops, so every one wants a password check).
 */
const signInDuringStorm: Section = async ({ baseUrl }) => {
  const user = { email: "viewer@demo.local", password: DEMO_PASSWORD };
  const timeUserSignIn = async () => {
    const start = performance.now();
    const response = await signInFrom(baseUrl, freshAddress(), user);
    return { status: response.status, took: ms(start) };
  };

  const quiet = await timeUserSignIn();
  // The server's floor: how long one request waits behind 200 that need no sign-in at all.
  const health = () => fetch(`${baseUrl}/api/health`).then((response) => response.arrayBuffer());
  const others = Array.from({ length: 200 }, health);
  const floorStart = performance.now();
  await health();
  const floor = ms(floorStart);
  await Promise.all(others);
  const lines = [
    "A real user signing in from their own address",
    `  with nothing else going on: ${quiet.took} (${quiet.status})`,
    `  (for scale: one /api/health behind 200 others took ${floor})`,
  ];
  const guesser = freshAddress();
  const storms = [
    {
      label: "200 wrong passwords for their account, one address",
      attempt: (i: number) => signInFrom(baseUrl, guesser, { email: user.email, password: `guess-${i}` }),
    },
    {
      label: "200 guesses at other emails, 200 addresses",
      attempt: (i: number) =>
        signInFrom(baseUrl, freshAddress(), { email: `stuffed-${i}@dealer.test`, password: `guess-${i}` }),
    },
  ];
  for (const storm of storms) {
    const attempts = Array.from({ length: 200 }, (_, i) => storm.attempt(i));
    const during = await timeUserSignIn();
    const responses = await Promise.all(attempts);
    lines.push(
      `  during ${storm.label}: ${during.took} (${during.status})   storm: ${countStatuses(responses)}`,
    );
  }
  lines.push("  (target: signed in, 200, in under 2 s)");
  return lines;
};

/** 300 sign-in attempts, 10 at a time, each with a 900 KB email: how much did the database grow? */
const oversizedEmails: Section = async ({ baseUrl, databaseBytes }) => {
  const email = `${"a".repeat(900 * 1024)}@dealer.test`;
  const before = databaseBytes();
  const responses: Response[] = [];
  const start = performance.now();
  for (let batch = 0; batch < 30; batch++) {
    const address = freshAddress();
    responses.push(
      ...(await Promise.all(
        Array.from({ length: 10 }, () => signInFrom(baseUrl, address, { email, password: "whatever" })),
      )),
    );
  }
  const grown = databaseBytes() - before;
  return [
    "300 sign-in attempts with a 900 KB email",
    `  answers: ${countStatuses(responses)} in ${ms(start)}`,
    `  database growth: ${(grown / 1024).toFixed(1)} KB   (target: under 1 MB)`,
  ];
};

/**
 * `/api/health` while a 50,000-customer upload is accepted. Measured on a live-mode dashboard of its own
 * with the emulator in another process: in embedded mode the emulator's own work on the upload would
 * share the dashboard's thread and be counted against it.
 */
const healthDuringUpload: Section = async () => [
  "/api/health while a 50,000-customer upload is accepted (live mode, emulator in its own process)",
  ...(await uploadHealthInLiveMode()).map((line) => `  ${line}`),
];

const sections: Section[] = [concurrentGuesses, signInDuringStorm, oversizedEmails, healthDuringUpload];

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), "bench-abuse-"));
  const databaseFile = join(dataDir, "dashboard.db");
  let dashboard: RunningDashboard | undefined;
  try {
    dashboard = await startDashboard(APP_PORT, {
      ...process.env,
      RECAPTURE_API_KEY: "",
      DATABASE_URL: `file:${databaseFile}`,
      EMULATOR_DB: join(dataDir, "emulator.db"),
      TRUST_PROXY: "1",
    });
    const { baseUrl } = dashboard;
    const app: BenchApp = {
      baseUrl,
      async signIn() {
        const response = await signInFrom(baseUrl, freshAddress(), {
          email: "admin@demo.local",
          password: DEMO_PASSWORD,
        });
        if (!response.ok) throw new Error(`Signing in as admin@demo.local failed with ${response.status}`);
        return sessionCookie(response);
      },
      databaseBytes: () =>
        ["", "-wal", "-shm"].reduce(
          (total, suffix) =>
            total + (statSync(`${databaseFile}${suffix}`, { throwIfNoEntry: false })?.size ?? 0),
          0,
        ),
    };
    // Warm the sign-in route (first compile of its module graph, the decoy hash) before measuring.
    await app.signIn();

    console.log(`Dashboard at ${baseUrl} (TRUST_PROXY=1; addresses sent as X-Forwarded-For)`);
    // Every figure below is wall time, so it says as much about the machine's other work as about the dashboard.
    console.log(`Load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores\n`);
    for (const section of sections) {
      console.log((await section(app)).join("\n"), "\n");
    }
  } finally {
    dashboard?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
