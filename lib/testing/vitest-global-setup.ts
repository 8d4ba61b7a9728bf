/** Said once per `vitest run`, so a local run without PostgreSQL doesn't pass for one that tested it. */
export default function setup(): void {
  if (!process.env.TEST_DATABASE_URL) {
    console.log(
      "PostgreSQL tests skipped: TEST_DATABASE_URL is not set (bash .ci/run starts a server and sets it).",
    );
  }
}
