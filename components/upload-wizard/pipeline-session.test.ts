import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_FILE_BYTES } from "@/lib/csv";
import { createPipelineSession } from "@/components/upload-wizard/pipeline-session";

const fixture = (name: string) =>
  new Blob([readFileSync(new URL(`../../e2e/data/${name}`, import.meta.url))]);

async function reviewed(name: string) {
  const progress: string[] = [];
  const session = createPipelineSession((message) => progress.push(message));
  const loaded = await session.handle({
    type: "load",
    file: fixture(name),
    maxBytes: DEFAULT_MAX_FILE_BYTES,
  });
  const columns = await session.handle({
    type: "choose-header",
    headerRowIndex: loaded.detectedHeaderRowIndex,
  });
  const state = await session.handle({ type: "review", mapping: columns.suggestedMapping, region: "au" });
  return { session, loaded, columns, state, counts: state.counts, progress };
}

describe("pipeline session", () => {
  it("reads a BOM and CRLF export, maps it and counts rows that add up", async () => {
    const { loaded, columns, counts, progress } = await reviewed("bom-crlf.csv");
    expect(loaded.source).toEqual({ kind: "text", encoding: "utf-8-bom", delimiter: "," });
    expect(loaded.detectedHeaderRowIndex).toBe(0);
    expect(columns.headers[0]).toBe("Customer No");
    expect(columns.suggestedMapping[2]).toEqual({ target: { kind: "field", field: "rego" } });
    expect(columns.samples[2]).toEqual(["1ABC 234", "XYZ-789", "1HX5TR", "CBD12Z"]);
    expect(counts.rowsInFile).toBe(counts.sent + counts.notSent);
    expect(counts.notSent).toBeGreaterThan(0);
    expect(progress).toContain("Decoding the text…");
  });

  it("skips the title lines above the header", async () => {
    const { loaded, columns } = await reviewed("title-line.csv");
    expect(loaded.detectedHeaderRowIndex).toBe(3);
    expect(loaded.previewRows[0]?.[0]).toBe("Sales report June 2022");
    expect(columns.headers).toContain("Registration");
  });

  it("offers every date format a column fits, so an ambiguous one can be flagged", async () => {
    const { columns } = await reviewed("tab-separated.tsv");
    const saleDate = columns.headers.indexOf("Sale Date");
    expect(columns.fittingDateFormats[saleDate]).toEqual(expect.arrayContaining(["dmy", "mdy"]));
  });

  it("reads a date column's format from its readable values, so one impossible date doesn't hide it", async () => {
    const { columns } = await reviewed("bom-crlf.csv");
    expect(columns.fittingDateFormats[columns.headers.indexOf("Date Sold")]).toEqual(["dmy"]);
  });

  it("pages through a filter that stays put while a row is fixed", async () => {
    const { session, counts } = await reviewed("bom-crlf.csv");
    const problems = await session.handle({ type: "filter", filter: "not-sent" });
    expect(problems).toBe(counts.notSent);
    const rows = await session.handle({ type: "rows", start: 0, end: problems });
    const badDate = rows.find((row) => row.cells.includes("31/02/2022"));
    expect(badDate?.sent).toBe(false);

    const edit = await session.handle({
      type: "edit",
      rowIndex: badDate!.index,
      columnIndex: 7,
      value: "28/02/2022",
    });
    expect(edit.rows.find((row) => row.index === badDate!.index)?.sent).toBe(true);
    expect(edit.state.counts.notSent).toBe(counts.notSent - 1);
    expect(edit.state.counts.rowsInFile).toBe(edit.state.counts.sent + edit.state.counts.notSent);
    // The fixed row stays in view until the filter is chosen again.
    expect(await session.handle({ type: "rows", start: 0, end: problems })).toHaveLength(problems);
    expect(await session.handle({ type: "filter", filter: "not-sent" })).toBe(problems - 1);
  });

  it("builds JSON bodies in parts and a not-sent file holding exactly the rows not sent", async () => {
    const { session, counts } = await reviewed("quoted-newlines.csv");
    const bodies = await session.handle({
      type: "payloads",
      settings: { name: "June", enable_rego_lookups: false },
      maxCustomersPerUpload: 3,
    });
    const parts = bodies.map((body) => JSON.parse(body) as { name: string; customers: unknown[] });
    expect(parts.map((part) => part.name)[0]).toBe(`June (part 1 of ${parts.length})`);
    expect(parts.reduce((sum, part) => sum + part.customers.length, 0)).toBe(counts.sent);

    const csv = await session.handle({ type: "not-sent-csv" });
    const { data } = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { skipEmptyLines: true });
    expect(data[0]?.at(-1)).toBe("problem");
    expect(data).toHaveLength(counts.notSent + 1);
  });

  it("holds back the cars the customer index already has, until they are sent anyway", async () => {
    const { session, counts } = await reviewed("quoted-newlines.csv");
    const vehicles = await session.handle({ type: "monitored-question" });
    const smith = vehicles.findIndex((vehicle) => vehicle.vin === "JTNB11HK103450001");
    const customer = { id: "c1", rego: "1ABC234", state: "VIC", vin: "JTNB11HK103450001", external_id: null };
    const held = await session.handle({ type: "already-monitored", matches: [{ vehicle: smith, customer }] });
    expect(held.counts).toMatchObject({ sent: counts.sent - 1, alreadyMonitored: 1 });
    expect(held.reasons).toContainEqual(expect.objectContaining({ key: "already-monitored", rows: 1 }));
    expect(await session.handle({ type: "filter", filter: "already-monitored" })).toBe(1);
    const [row] = await session.handle({ type: "rows", start: 0, end: 1 });
    expect(row).toMatchObject({ sent: false, monitoredBy: customer });
    const anyway = await session.handle({ type: "send-already-monitored", send: true });
    expect(anyway.counts).toMatchObject({
      sent: counts.sent,
      alreadyMonitored: 1,
      sendAlreadyMonitored: true,
    });
  });

  it("opens a workbook at its first sheet and reads another on request", async () => {
    const { session, loaded, columns, counts, progress } = await reviewed("delivery-report.xlsx");
    expect(loaded.source).toEqual({
      kind: "workbook",
      format: "xlsx",
      sheets: ["Deliveries", "Service"],
      sheetIndex: 0,
    });
    expect(progress).toContain('Reading the sheet "Deliveries"…');
    expect(loaded.detectedHeaderRowIndex).toBe(3);
    // Every delivery date is read, however it is written; the second sale of a car isn't sent.
    expect(columns.suggestedMapping[7]).toEqual({
      target: { kind: "field", field: "sale_date" },
      dateFormat: "dmy",
    });
    expect(columns.dateTallies[7]).toEqual({
      values: 12,
      dayFirst: 4,
      monthFirst: 3,
      yearFirst: 7,
      serial: 1,
      recentSerial: 1,
    });
    expect(columns.dateTallies[1]).toBeNull();
    expect(counts).toMatchObject({
      rowsInFile: 12,
      sent: 11,
      notSent: 1,
      duplicatesNotSent: 1,
      blankRowsSkipped: 1,
      totalLinesSkipped: 1,
      totalLineExamples: [{ rowNumber: 18, text: "Total deliveries: 12" }],
    });

    const newest = await session.handle({ type: "duplicates", policy: "keep-newest" });
    expect(newest.counts).toMatchObject({ sent: 11, duplicatePolicy: "keep-newest" });
    await session.handle({ type: "filter", filter: "not-sent" });
    const [notSent] = await session.handle({ type: "rows", start: 0, end: 1 });
    expect(notSent?.cells[2]).toBe("Harper Jones");

    const service = await session.handle({ type: "choose-sheet", sheetIndex: 1 });
    expect(service).toMatchObject({ recordCount: 5, detectedHeaderRowIndex: 0 });
    expect(service.previewRows[1]).toEqual(["SRV101", "VIC", "", "2022-05-03", "Grace Lee"]);
  });

  it("fixes a whole column and undoes it", async () => {
    const { session, state } = await reviewed("column-fixes.csv");
    expect(state.counts).toMatchObject({ sent: 8, notSent: 7 });
    expect(state.reasons[0]).toMatchObject({
      reason: "whose Sale Date can't be read as dd/mm/yyyy",
      rows: 4,
    });
    const fixed = await session.handle({
      type: "fix",
      groupKey: state.groups[0]!.key,
      action: { kind: "send-without" },
    });
    expect(fixed.counts).toMatchObject({ sent: 12, notSent: 3 });
    expect(fixed.fixes).toEqual([expect.objectContaining({ summary: "4 rows sent without Sale Date" })]);
    const undone = await session.handle({ type: "undo-fix", fixId: fixed.fixes[0]!.id });
    expect(undone.counts).toMatchObject({ sent: 8, notSent: 7 });
  });

  it("names the workbook's problem: protected, damaged, empty", async () => {
    const session = createPipelineSession(() => {});
    const load = (name: string) =>
      session.handle({ type: "load", file: fixture(name), maxBytes: DEFAULT_MAX_FILE_BYTES });
    await expect(load("password-protected.xlsx")).rejects.toMatchObject({ problem: "password-protected" });
    await expect(load("damaged.xlsx")).rejects.toMatchObject({ problem: "damaged-workbook" });
    await expect(load("empty-workbook.xlsx")).rejects.toMatchObject({
      message: "This workbook is empty: none of its sheets has anything in it.",
    });
  });

  it("reports an unusable file with the pipeline's own message", async () => {
    const session = createPipelineSession(() => {});
    await expect(
      session.handle({ type: "load", file: new Blob([""]), maxBytes: DEFAULT_MAX_FILE_BYTES }),
    ).rejects.toMatchObject({
      problem: "empty-file",
    });
  });
});
