import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

/**
 * Every page and API route in app/, found on disk, so the perimeter tests
 * cover routes added after they were written. Dynamic segments get a sample
 * value: the checks under test run before any handler reads its parameters.
 */

const APP_DIR = join(process.cwd(), "app");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

/** app/(dashboard)/customers/[customerId]/page.tsx → /customers/sample-id */
function urlPath(file: string): string {
  const segments = relative(APP_DIR, file).split(sep).slice(0, -1);
  const path = segments
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .map((segment) =>
      segment.startsWith("[...") || segment.startsWith("[[...")
        ? "sample/path"
        : segment.startsWith("[")
          ? "1"
          : segment,
    )
    .join("/");
  return `/${path}`;
}

export function appPages(): string[] {
  return [...files(APP_DIR)]
    .filter((file) => /[/\\]page\.tsx$/.test(file))
    .map(urlPath)
    .sort();
}

export function apiRoutes(): { path: string; methods: Method[] }[] {
  return [...files(APP_DIR)]
    .filter((file) => /[/\\]route\.ts$/.test(file))
    .map((file) => {
      const source = readFileSync(file, "utf8");
      // `export const POST = …`, `export async function POST`, `export { forward as POST }`
      const methods = METHODS.filter((method) =>
        new RegExp(
          `export\\s+(const|async\\s+function|function)\\s+${method}\\b|export\\s*\\{[^}]*\\bas\\s+${method}\\b`,
        ).test(source),
      );
      return { path: urlPath(file), methods };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

export const isMutating = (method: Method) => method !== "GET";
