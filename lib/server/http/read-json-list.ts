import "server-only";
import { setImmediate as nextTurn } from "node:timers/promises";
import { z } from "zod";
import { HttpError } from "./errors";
import { createJsonListScanner } from "./json-list-scanner";
import { bodyTooLarge, DEFAULT_MAX_BYTES, parseJson, readBody } from "./read-json";

export interface JsonListOptions {
  /** The top-level field holding the long list, e.g. an upload's `customers`. */
  list: string;
  maxItems: number;
  /** For the whole body; derive it from `maxItems` so a full list of real items fits. */
  maxBytes: number;
  /** Thrown as soon as the list passes `maxItems`, while the body is still arriving. */
  tooMany: () => Error;
}

/**
 * Items parsed and validated per turn of the event loop: a few milliseconds of
 * work, so other requests (a health check, another person's page) are answered
 * in between rather than after the whole list.
 */
const ITEMS_PER_SLICE = 500;

/**
 * readJson() for a body carrying one long list (an upload of up to 50,000
 * customers): the list's items are counted while the body streams in, so an
 * over-long list is refused (`tooMany`) before anything is parsed; then the
 * rest of the body is parsed and validated with `schema`, and the list a slice
 * at a time with its item schema, yielding between slices. The list-level
 * checks of `schema` (say `.min(1)`) see only the first slice; `maxItems`
 * bounds its length. Answers like readJson: 413 too large, 400 not JSON,
 * ZodError (422) with paths into the whole body.
 */
export async function readJsonList<S extends z.ZodObject>(
  request: Request,
  schema: S,
  options: JsonListOptions,
): Promise<z.output<S>> {
  const listSchema = schema.shape[options.list];
  if (!(listSchema instanceof z.ZodArray)) throw new Error(`${options.list} is not a list in the schema`);
  const itemsSchema = z.array(listSchema.element);

  const scanner = createJsonListScanner(options.list);
  const bytes = await readBody(request, options.maxBytes, async (chunk) => {
    scanner.feed(chunk);
    if (scanner.count > options.maxItems) throw options.tooMany();
    // Chunks already buffered would otherwise be scanned back to back, megabytes in one turn.
    await nextTurn();
  });
  const place = scanner.place;
  // Without the list, everything left is "the rest of the body": it must be small enough to parse at once.
  const restBytes = place ? bytes.length - (place.close - place.open - 1) : bytes.length;
  if (restBytes > DEFAULT_MAX_BYTES)
    throw bodyTooLarge(DEFAULT_MAX_BYTES, `The request apart from its ${options.list} list`);
  if (!place) return schema.parse(parseJson(bytes.toString("utf8")));

  const rest = parseJson(
    Buffer.concat([bytes.subarray(0, place.open + 1), bytes.subarray(place.close)]).toString("utf8"),
  );
  const bounds = itemBounds(place, scanner.count);
  if (!bounds || typeof rest !== "object" || rest === null || Array.isArray(rest)) {
    throw new HttpError(400, "malformed_json", "The request body is not valid JSON.");
  }

  let whole: z.output<S> | undefined;
  const items: unknown[] = [];
  // At least once: an empty list still goes through the schema, which may refuse it.
  for (let first = 0; first === 0 || first < bounds.length; first += ITEMS_PER_SLICE) {
    const slice = bounds.slice(first, first + ITEMS_PER_SLICE);
    const json = slice.length === 0 ? "" : bytes.toString("utf8", slice[0]!.start, slice.at(-1)!.end);
    const parsed = parseJson(`[${json}]`) as unknown[];
    if (first === 0) {
      // The first slice goes through the whole schema: every check of the body besides the list's items.
      whole = schema.parse({ ...rest, [options.list]: parsed });
      items.push(...(whole[options.list] as unknown[]));
    } else {
      const checked = itemsSchema.safeParse(parsed);
      if (!checked.success) throw shiftPaths(checked.error, options.list, first);
      items.push(...checked.data);
    }
    await nextTurn();
  }
  return { ...whole!, [options.list]: items };
}

/** Each item's byte range, from the commas between items; undefined when they don't add up (not JSON). */
function itemBounds(place: { open: number; close: number; commas: number[] }, count: number) {
  if (count === 0) return place.commas.length === 0 ? [] : undefined;
  if (place.commas.length !== count - 1) return undefined;
  const starts = [place.open + 1, ...place.commas.map((comma) => comma + 1)];
  const ends = [...place.commas, place.close];
  return starts.map((start, index) => ({ start, end: ends[index]! }));
}

/** Issues of a slice starting at item `first`, with their paths in the whole body. */
function shiftPaths(error: z.ZodError, list: string, first: number): z.ZodError {
  return new z.ZodError(
    error.issues.map((issue) => {
      const [index, ...path] = issue.path;
      return { ...issue, path: [list, Number(index) + first, ...path] };
    }),
  );
}
