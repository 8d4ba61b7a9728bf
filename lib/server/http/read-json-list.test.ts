import { describe, expect, it } from "vitest";
import { z } from "zod";
import { uploadRequestSchema } from "@/lib/recapture/schemas";
import { HttpError } from "./errors";
import { readJson } from "./read-json";
import { readJsonList } from "./read-json-list";

const tooMany = () => new HttpError(413, "too_many_customers", "Too many customers.");
const options = { list: "customers", maxItems: 5_000, maxBytes: 5_000 * 2_048, tooMany };

const request = (body: string | ReadableStream<Uint8Array>) =>
  new Request("http://localhost/api/recapture/upload", {
    method: "POST",
    body,
    headers: { "content-type": "application/json" },
    ...(typeof body === "string" ? {} : { duplex: "half" }),
  });

const customers = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    rego: ` R${index} `,
    state: "VIC",
    external_id: "",
    additional_fields: { salesperson: "Priya Sharma", index },
  }));

const upload = (list: unknown) =>
  JSON.stringify({ name: " June ", monitor_start_date: "2022-06-01", customers: list });

/** A body sent as many chunks, counting how many the reader asked for. */
function chunked(text: string, chunkBytes: number) {
  const all = new TextEncoder().encode(text);
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= all.length) return controller.close();
      controller.enqueue(all.subarray(sent, sent + chunkBytes));
      sent += chunkBytes;
    },
  });
  return { stream, sentBytes: () => sent };
}

describe("readJsonList", () => {
  it("gives what readJson gives, for a list spanning several slices", async () => {
    const body = upload(customers(2_500));
    const whole = await readJson(request(body), uploadRequestSchema, { maxBytes: 10_000_000 });
    const sliced = await readJsonList(request(body), uploadRequestSchema, options);
    expect(sliced).toEqual(whole);
    expect(sliced.customers[2_499]).toMatchObject({ rego: "R2499", external_id: undefined });
    expect(sliced.name).toBe("June");
  });

  it("refuses a list over the limit while it arrives, before any item is parsed or checked", async () => {
    // 60,000 empty customers: each would fail validation, so a 413 means none was checked.
    const { stream, sentBytes } = chunked(upload(Array.from({ length: 60_000 }, () => ({}))), 4_096);
    const total = upload(Array.from({ length: 60_000 }, () => ({}))).length;
    await expect(readJsonList(request(stream), uploadRequestSchema, options)).rejects.toMatchObject({
      status: 413,
      code: "too_many_customers",
    });
    expect(sentBytes()).toBeLessThan(total / 5);
  });

  it("reports an item's problem with its place in the whole list, from any slice", async () => {
    const list: unknown[] = customers(2_500);
    list[1_500] = { state: "VIC" };
    const error = await readJsonList(request(upload(list)), uploadRequestSchema, options).catch((e) => e);
    expect(error).toBeInstanceOf(z.ZodError);
    expect((error as z.ZodError).issues[0]).toMatchObject({
      path: ["customers", 1_500, "rego"],
      message: "Missing required properties: enter a rego or a VIN",
    });
  });

  it("checks the rest of the body with the schema: an empty list, a missing one, an unknown field", async () => {
    const first = (body: string) =>
      readJsonList(request(body), uploadRequestSchema, options).catch((e: z.ZodError) => e.issues[0]);
    expect(await first(upload([]))).toMatchObject({ message: "You must upload at least one customer" });
    expect(await first(JSON.stringify({ name: "x" }))).toMatchObject({ path: ["customers"] });
    expect(await first(JSON.stringify({ name: "x", customers: [{ rego: "A" }], extra: 1 }))).toMatchObject({
      code: "unrecognized_keys",
    });
  });

  it("answers 400 for JSON broken inside the list, around it or between items", async () => {
    for (const body of [
      '{"name":"x","customers":[{"rego":"A"},{"rego":}]}',
      '{"name":"x","customers":[{"rego":"A"},]}',
      '{"name":"x","customers":[,]}',
      '{"name":"x","customers":[{"rego":"A"}]} trailing',
      '{"name":"x","customers":[{"rego":"A"}',
    ]) {
      await expect(readJsonList(request(body), uploadRequestSchema, options), body).rejects.toMatchObject({
        status: 400,
        code: "malformed_json",
      });
    }
  });

  it("answers 413 for a body over its limit, and for a large body outside the list", async () => {
    await expect(
      readJsonList(request(upload(customers(100))), uploadRequestSchema, { ...options, maxBytes: 1_000 }),
    ).rejects.toMatchObject({ status: 413, code: "body_too_large" });
    const padded = JSON.stringify({ name: "x".repeat(1_100_000), customers: [{ rego: "A" }] });
    await expect(readJsonList(request(padded), uploadRequestSchema, options)).rejects.toMatchObject({
      status: 413,
      message: expect.stringContaining("apart from its customers list"),
    });
  });

  it("lets other work run between slices", async () => {
    let turns = 0;
    let running = true;
    const tick = () => {
      turns += 1;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    await readJsonList(request(upload(customers(5_000))), uploadRequestSchema, options);
    running = false;
    expect(turns).toBeGreaterThanOrEqual(5);
  });
});
