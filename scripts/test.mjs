// `npm test`: typecheck, lint, unit tests, production build, end-to-end tests.
// Prints one summary line at the end: "N passed, N failed", unit and e2e summed.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0" };
const reports = "test-results/reports";
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

function run(label, command, args, extraEnv = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  return result.status === 0;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

let passed = 0;
let failed = 0;
const stepFailures = [];

for (const [label, script] of [
  ["typecheck", "typecheck"],
  ["lint", "lint"],
]) {
  if (!run(label, "npm", ["run", "--silent", script])) stepFailures.push(label);
}

run("unit", "npx", [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${reports}/unit.json`,
]);
const unit = readJson(`${reports}/unit.json`);
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
} else stepFailures.push("unit (no report)");

if (run("build", "npx", ["next", "build"])) {
  run("e2e", "npx", ["playwright", "test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/e2e.json` });
  const e2e = readJson(`${reports}/e2e.json`);
  if (e2e) {
    passed += e2e.stats.expected + e2e.stats.flaky;
    failed += e2e.stats.unexpected;
  } else stepFailures.push("e2e (no report)");
} else stepFailures.push("build");

// A failed typecheck, lint or build counts as a failure of its own.
failed += stepFailures.length;
if (stepFailures.length) console.log(`\nSteps that failed: ${stepFailures.join(", ")}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
