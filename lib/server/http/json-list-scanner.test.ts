import { describe, expect, it } from "vitest";
import { createJsonListScanner } from "./json-list-scanner";

const bytes = (text: string) => new TextEncoder().encode(text);

/** Feeds `text` in chunks of `size` bytes, as a request body arrives. */
function scan(text: string, size = Number.POSITIVE_INFINITY) {
  const scanner = createJsonListScanner("customers");
  const all = bytes(text);
  for (let start = 0; start < all.length; start += Math.min(size, all.length))
    scanner.feed(all.subarray(start, start + size));
  return scanner;
}

/** The items as the scanner places them, cut out of the body. */
function items(text: string, size?: number): string[] {
  const scanner = scan(text, size);
  const place = scanner.place!;
  const all = Buffer.from(bytes(text));
  const cuts = [place.open, ...place.commas, place.close];
  return scanner.count === 0
    ? []
    : cuts.slice(1).map((end, index) => all.toString("utf8", cuts[index]! + 1, end).trim());
}

describe("createJsonListScanner", () => {
  const body = JSON.stringify({
    name: 'June [list], "quoted" {braces}',
    customers: [
      { rego: "ABC123", additional_fields: { customers: [1, 2, 3], note: 'a "]" b, c' } },
      "text, with ] and \\",
      42,
      [1, [2]],
      { vin: "ÄÖÜ 日本 🚗" },
    ],
    monitor_start_date: "2022-06-01",
  });

  it("counts the top-level list's items and places each one, whatever the chunk size", () => {
    const expected = (JSON.parse(body).customers as unknown[]).map((item) => JSON.stringify(item));
    for (const size of [1, 2, 3, 7, 64, Number.POSITIVE_INFINITY]) {
      expect(scan(body, size).count, `chunks of ${size}`).toBe(5);
      expect(items(body, size), `chunks of ${size}`).toEqual(expected);
    }
  });

  it("counts as the bytes arrive, before the list ends", () => {
    const scanner = createJsonListScanner("customers");
    scanner.feed(bytes('{"name":"x","customers":[{"rego":"A"},{"rego":"B"},{"re'));
    expect(scanner.count).toBe(3);
    expect(scanner.place).toBeUndefined();
  });

  it("ignores lists under other keys, nested keys of the same name and the name as a value", () => {
    const other = JSON.stringify({ name: "customers", rows: [1, 2], meta: { customers: [1, 2, 3] } });
    expect(scan(other).count).toBe(0);
    expect(scan(other).place).toBeUndefined();
  });

  it("recognises the key written with escapes, as JSON.parse would", () => {
    expect(scan('{"\\u0063ustomers":[{},{},{}]}').count).toBe(3);
    expect(scan('{"customers\\"":[{},{}]}').count).toBe(0);
  });

  it("places an empty list, with or without spaces, and counts no items in it", () => {
    for (const text of ['{"customers":[]}', '{ "customers" : [ \n ] }']) {
      expect(scan(text).count).toBe(0);
      expect(scan(text).place).toMatchObject({ commas: [] });
    }
  });

  it("adds up the items of a repeated key and places the last list, the one JSON.parse keeps", () => {
    const scanner = scan('{"customers":[1,2],"name":"x","customers":[3]}');
    expect(scanner.count).toBe(3);
    expect(items('{"customers":[1,2],"name":"x","customers":[3]}')).toEqual(["3"]);
  });

  it("counts bare values and tiny objects, the cheapest items to send", () => {
    const tiny = `{"customers":[${Array.from({ length: 1000 }, () => "{}").join(",")}]}`;
    expect(scan(tiny, 100).count).toBe(1000);
  });
});
