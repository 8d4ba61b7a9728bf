import { describe, expect, it } from "vitest";
import { BY_ID, pickerValue, uploadFilterOptions } from "@/components/customers/upload-filter-options";
import type { RegisteredUpload, UploadPart } from "@/lib/uploads/register-schemas";

const part = (id: string, overrides: Partial<UploadPart> = {}): UploadPart => ({
  id,
  name: "June sales 21/07/2022",
  region: "au",
  partNumber: 1,
  enableRegoLookups: false,
  createdAt: "2026-11-27T23:30:00.000Z",
  totalUploaded: 1480,
  totalProcessed: 1480,
  totalErrors: 0,
  checkedAt: "2026-11-27T23:31:00.000Z",
  cancelledAt: null,
  cancelledBy: null,
  ...overrides,
});

const line = (parts: UploadPart[]): RegisteredUpload => ({
  id: parts[0]!.id,
  name: parts[0]!.name,
  source: "dashboard",
  recordedBy: { email: "staff@example.com", name: "Demo Staff" },
  recordedAt: parts[0]!.createdAt,
  file: null,
  parts,
  sentParts: [],
});

const FIRST = "11111111-1111-4111-8111-111111111111";
const SECOND = "22222222-2222-4222-8222-222222222222";
const THIRD = "33333333-3333-4333-8333-333333333333";

describe("uploadFilterOptions", () => {
  it("names each upload with when it was sent, in the dealership's time zone, and its customers", () => {
    expect(uploadFilterOptions([line([part(FIRST)])], "Australia/Melbourne")).toEqual([
      { value: FIRST, label: "June sales 21/07/2022 · sent 28/11/2026 10:30 · 1,480 customers" },
    ]);
  });

  it("lists every part of a split file as an upload of its own, in the register's order", () => {
    const split = line([
      part(FIRST, { name: "Trade-ins (part 1 of 2)" }),
      part(SECOND, { name: "Trade-ins (part 2 of 2)", partNumber: 2, totalUploaded: 1 }),
    ]);
    const options = uploadFilterOptions([split, line([part(THIRD, { name: null })])], "UTC");
    expect(options.map((option) => option.label)).toEqual([
      "Trade-ins (part 1 of 2) · sent 27/11/2026 23:30 · 1,480 customers",
      "Trade-ins (part 2 of 2) · sent 27/11/2026 23:30 · 1 customer",
      "Upload 33333333 · sent 27/11/2026 23:30 · 1,480 customers",
    ]);
  });
});

describe("pickerValue", () => {
  const options = uploadFilterOptions([line([part(FIRST)])], "UTC");

  it("shows all uploads without a filter, a listed upload by its id, and any other id as by-id", () => {
    expect(pickerValue(undefined, options, false)).toBe("");
    expect(pickerValue(FIRST, options, false)).toBe(FIRST);
    expect(pickerValue(SECOND, options, false)).toBe(BY_ID);
  });

  it("keeps showing the filtered id while the register loads", () => {
    expect(pickerValue(SECOND, [], true)).toBe(SECOND);
    expect(pickerValue(undefined, [], true)).toBe("");
  });
});
