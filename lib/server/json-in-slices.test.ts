import { describe, expect, it } from "vitest";
import { stringifyInSlices } from "./json-in-slices";

describe("stringifyInSlices", () => {
  it("writes exactly what JSON.stringify writes, long lists included", async () => {
    const customers = Array.from({ length: 2_345 }, (_, index) => ({
      rego: `R${index}`,
      vin: index % 2 ? undefined : "JTDBR32E100000001",
      additional_fields: { note: 'a "quoted", [bracketed] note', index, flag: index % 3 === 0, none: null },
    }));
    const bodies: unknown[] = [
      { name: "June", enable_rego_lookups: true, monitor_start_date: undefined, customers },
      { name: "Short", customers: customers.slice(0, 3), 'odd "key"': [undefined, 1] },
      { customers: [] },
      [1, 2, 3],
      "text",
      {
        date: new Date("2022-06-15T00:00:00.000Z"),
        nested: { list: Array.from({ length: 1_500 }, (_, i) => i) },
      },
    ];
    for (const body of bodies) expect(await stringifyInSlices(body)).toBe(JSON.stringify(body));
  });

  it("lets other work run between slices of a long list", async () => {
    let turns = 0;
    let running = true;
    const tick = () => {
      turns += 1;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    await stringifyInSlices({
      customers: Array.from({ length: 10_000 }, (_, index) => ({ rego: `R${index}` })),
    });
    running = false;
    expect(turns).toBeGreaterThanOrEqual(9);
  });
});
