import "server-only";
import { setImmediate as nextTurn } from "node:timers/promises";

/** Items serialised per turn of the event loop: a few milliseconds of work. */
const ITEMS_PER_SLICE = 1_000;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" &&
  value !== null &&
  [Object.prototype, null].includes(Object.getPrototypeOf(value));

/**
 * JSON.stringify(body), the same text, but a request body's long lists (an
 * upload's 50,000 customers) are serialised a slice at a time with a turn of the
 * event loop between slices: in one go, one upload would hold the server for
 * as long as it takes, and every other request waits.
 */
export async function stringifyInSlices(body: unknown): Promise<string> {
  if (!isPlainObject(body)) return JSON.stringify(body);
  const members: string[] = [];
  for (const [name, value] of Object.entries(body)) {
    let json: string | undefined;
    if (Array.isArray(value) && value.length > ITEMS_PER_SLICE) {
      const slices: string[] = [];
      for (let start = 0; start < value.length; start += ITEMS_PER_SLICE) {
        slices.push(JSON.stringify(value.slice(start, start + ITEMS_PER_SLICE)).slice(1, -1));
        await nextTurn();
      }
      json = `[${slices.join(",")}]`;
    } else {
      // Undefined for undefined and functions: left out, as JSON.stringify leaves them out.
      json = JSON.stringify(value) as string | undefined;
    }
    if (json !== undefined) members.push(`${JSON.stringify(name)}:${json}`);
  }
  return `{${members.join(",")}}`;
}
