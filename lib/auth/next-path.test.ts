import { describe, expect, it } from "vitest";
import { HOME_PATH, homePathFor, safeNextPath, signInPath } from "./next-path";

describe("safeNextPath", () => {
  it("keeps a path on this site with its query and hash", () => {
    expect(safeNextPath("/uploads/new")).toBe("/uploads/new");
    expect(safeNextPath("/customers?page=2&size=50#top")).toBe("/customers?page=2&size=50#top");
    // Encoded characters stay encoded: a path, never a header.
    expect(safeNextPath("/%0d%0aSet-Cookie:x")).toBe("/%0d%0aSet-Cookie:x");
  });

  it("sends anything that could leave the site, or loop, to the home page", () => {
    for (const next of [
      null,
      undefined,
      "",
      "customers",
      "https://evil.example/",
      "//evil.example/path",
      "/\\evil.example",
      "\u0000/customers",
      "javascript:alert(1)",
      "/sign-in?next=/customers",
      "/api/users",
    ]) {
      expect(safeNextPath(next), String(next)).toBe(HOME_PATH);
    }
  });
});

describe("signInPath", () => {
  it("carries where to come back to, except when that is the home page anyway", () => {
    expect(signInPath("/uploads/new")).toBe("/sign-in?next=%2Fuploads%2Fnew");
    expect(signInPath(HOME_PATH)).toBe("/sign-in");
    expect(signInPath("//evil.example")).toBe("/sign-in");
  });
});

describe("homePathFor", () => {
  it("starts managers in the leads inbox and everyone else where they always have", () => {
    expect(homePathFor("manager")).toBe("/leads");
    for (const role of ["viewer", "staff", "admin"] as const) expect(homePathFor(role)).toBe(HOME_PATH);
  });
});
