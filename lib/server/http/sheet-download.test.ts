import { describe, expect, it } from "vitest";
import { HttpError } from "./errors";
import { exportFormatParam, sheetDownload } from "./sheet-download";

describe("an export over HTTP", () => {
  it("takes csv or xlsx and refuses anything else with a 400 that names both", () => {
    expect(exportFormatParam(new URLSearchParams("format=csv"))).toBe("csv");
    expect(exportFormatParam(new URLSearchParams("format=xlsx"))).toBe("xlsx");
    for (const query of ["", "format=", "format=pdf", "format=CSV"]) {
      const refused = (() => {
        try {
          exportFormatParam(new URLSearchParams(query));
        } catch (error) {
          return error;
        }
      })();
      expect(refused, query).toBeInstanceOf(HttpError);
      expect(refused).toMatchObject({
        status: 400,
        code: "invalid_format",
        message: "Choose format=csv or format=xlsx.",
      });
    }
  });

  it("sends the file as an uncached download under its name", async () => {
    const response = sheetDownload({
      fileName: "leads-2026-12-03.csv",
      contentType: "text/csv; charset=utf-8",
      body: new Blob(["rego\n"]).stream(),
    });
    expect(Object.fromEntries(response.headers)).toEqual({
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="leads-2026-12-03.csv"',
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
    expect(await response.text()).toBe("rego\n");
  });
});
