import { describe, expect, it } from "vitest";
import {
  recordBatchRequestSchema,
  registerPageQuerySchema,
  trackUploadRequestSchema,
} from "./register-schemas";

const PART = "99aa2d8e-348b-4321-beeb-f2fa67bab3eb";
const batch = {
  name: "June trade-ins",
  fileName: "june.csv",
  rowsInFile: 10,
  sent: 8,
  notSent: 2,
  notSentCsv: "rego,problem\n",
  partIds: [PART],
};

const messages = (input: unknown) =>
  recordBatchRequestSchema
    .safeParse(input)
    .error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) ?? [];

describe("recordBatchRequestSchema (the wizard's contract)", () => {
  it("accepts counts that add up, with the rows not sent", () => {
    expect(messages(batch)).toEqual([]);
    expect(messages({ ...batch, notSent: 0, sent: 10, notSentCsv: undefined })).toEqual([]);
  });

  it("refuses counts that don't add up", () => {
    expect(messages({ ...batch, sent: 9 })).toEqual([
      "rowsInFile: The counts don't add up: 9 sent and 2 not sent, but 10 rows in the file",
    ]);
  });

  it("needs the file of rows not sent when some were not sent", () => {
    expect(messages({ ...batch, notSentCsv: undefined })).toEqual([
      "notSentCsv: Include the file of rows not sent",
    ]);
  });

  it("needs distinct, well-formed part ids", () => {
    expect(messages({ ...batch, partIds: [] })).toEqual(["partIds: List the ids of the parts"]);
    expect(messages({ ...batch, partIds: [PART, PART] })).toEqual(["partIds: A part id is listed twice"]);
    expect(messages({ ...batch, partIds: ["../customers"] })).toEqual([
      "partIds.0: A part id looks like 99aa2d8e-348b-4321-beeb-f2fa67bab3eb",
    ]);
  });

  it("bounds every string and list, naming the field", () => {
    const ids = Array.from(
      { length: 1_001 },
      (_, n) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    );
    expect(messages({ ...batch, partIds: ids })).toEqual([
      "partIds: A file can be sent in at most 1000 parts",
    ]);
    expect(messages({ ...batch, name: "N".repeat(201) })).toEqual([
      "name: An upload name can be at most 200 characters",
    ]);
    expect(messages({ ...batch, name: "N".repeat(200) })).toEqual([]);
    expect(messages({ ...batch, fileName: `${"f".repeat(256)}.csv` })).toEqual([
      "fileName: The file name is too long",
    ]);
    expect(messages({ ...batch, notSentCsv: "x".repeat(200 * 1024 * 1024 + 1) })).toEqual([
      "notSentCsv: The file of rows not sent is too large",
    ]);
  });
});

describe("trackUploadRequestSchema", () => {
  it("refuses an overlong id before trimming it", () => {
    expect(trackUploadRequestSchema.safeParse({ uploadId: " ".repeat(101) }).success).toBe(false);
  });

  it("trims the pasted id and explains the expected form", () => {
    expect(trackUploadRequestSchema.parse({ uploadId: `  ${PART}\n` })).toEqual({ uploadId: PART });
    expect(trackUploadRequestSchema.safeParse({ uploadId: "upload 7" }).error?.issues[0]?.message).toBe(
      "An upload id looks like 99aa2d8e-348b-4321-beeb-f2fa67bab3eb",
    );
  });
});

describe("registerPageQuerySchema", () => {
  it("falls back to the first page of 25 for anything unreadable", () => {
    expect(registerPageQuerySchema.parse({ page: "3", pageSize: "50" })).toEqual({ page: 3, pageSize: 50 });
    expect(registerPageQuerySchema.parse({ page: "-1", pageSize: "9999" })).toEqual({
      page: 1,
      pageSize: 25,
    });
    expect(registerPageQuerySchema.parse({})).toEqual({ page: 1, pageSize: 25 });
  });
});
