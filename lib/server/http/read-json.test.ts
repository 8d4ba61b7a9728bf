import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readJson } from "./read-json";

const schema = z.object({ name: z.string("Name is required") });
const request = (body: string) =>
  new Request("http://localhost/api/x", {
    method: "POST",
    body,
    headers: { "content-type": "application/json" },
  });

describe("readJson", () => {
  it("returns the parsed, validated body", async () => {
    expect(await readJson(request('{"name":"Sam","extra":1}'), schema)).toEqual({ name: "Sam" });
  });

  it("answers malformed JSON with 400", async () => {
    await expect(readJson(request("{name:"), schema)).rejects.toMatchObject({
      status: 400,
      code: "malformed_json",
    });
    await expect(readJson(request(""), schema)).rejects.toMatchObject({ status: 400 });
  });

  it("leaves a schema mismatch to become 422 with fields", async () => {
    await expect(readJson(request("{}"), schema)).rejects.toBeInstanceOf(z.ZodError);
  });

  it("stops reading a body over the limit with 413", async () => {
    await expect(
      readJson(request(JSON.stringify({ name: "x".repeat(2_000) })), schema, { maxBytes: 1_024 }),
    ).rejects.toMatchObject({
      status: 413,
      code: "body_too_large",
    });
  });
});
