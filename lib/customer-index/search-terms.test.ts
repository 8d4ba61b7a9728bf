import { describe, expect, it } from "vitest";
import { normalisedRego, prefixRange, searchPrefixes, searchTermsOf } from "./search-terms";

const customer = { rego: null, vin: null, external_id: null, additional_fields: null };

describe("searchTermsOf", () => {
  it("keeps a rego as letters and digits, lower case", () => {
    expect(searchTermsOf({ ...customer, rego: "ABC 123" })).toEqual(["abc123"]);
    expect(normalisedRego("abc-123")).toBe("ABC123");
  });

  it("keeps a wordy value whole and word by word, and one of digits also run together", () => {
    expect(
      searchTermsOf({
        ...customer,
        external_id: "DMS-100123",
        additional_fields: {
          customer_name: "Olivia  Smith",
          phone: "0412 345 678",
          email: "o.smith@example.com",
          vip: true,
        },
      }),
    ).toEqual([
      "dms-100123",
      "dms100123",
      "olivia smith",
      "olivia",
      "smith",
      "0412 345 678",
      "0412345678",
      "o.smith@example.com",
    ]);
  });

  it("cuts long values and keeps at most 200 terms", () => {
    const fields = Object.fromEntries(
      Array.from({ length: 150 }, (_, index) => [`f${index}`, `word${index} other${index}`]),
    );
    const terms = searchTermsOf({ ...customer, additional_fields: { ...fields, long: "x".repeat(500) } });
    expect(terms).toHaveLength(200);
    expect(Math.max(...terms.map((term) => term.length))).toBeLessThanOrEqual(64);
  });
});

describe("searchPrefixes", () => {
  it("looks for the text as typed and with only its letters and digits", () => {
    expect(searchPrefixes("  ABC 123 ")).toEqual(["abc 123", "abc123"]);
    expect(searchPrefixes("Smith")).toEqual(["smith"]);
    expect(searchPrefixes("   ")).toEqual([]);
  });
});

describe("prefixRange", () => {
  it("is the half-open range of terms that start with the prefix", () => {
    expect(prefixRange("smith")).toEqual({ from: "smith", to: "smiti" });
    expect(prefixRange("ab\u{1F600}")).toEqual({ from: "ab\u{1F600}", to: "ab\u{1F601}" });
  });
});
