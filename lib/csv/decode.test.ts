import { describe, expect, it } from "vitest";
import { CsvFileError } from "@/lib/csv/csv-file-error";
import { assertFileSize, decodeCsvBytes } from "@/lib/csv/decode";

const TEXT = "Rego,Name\r\nABC123,José Müller\r\n";
const utf8 = (text: string) => new TextEncoder().encode(text);

function utf16(text: string, littleEndian: boolean, withBom: boolean): Uint8Array {
  const units = (withBom ? "\uFEFF" : "") + text;
  const bytes = new Uint8Array(units.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < units.length; i++) view.setUint16(i * 2, units.charCodeAt(i), littleEndian);
  return bytes;
}

function refusal(bytes: Uint8Array, maxBytes?: number): CsvFileError {
  try {
    decodeCsvBytes(bytes, maxBytes);
  } catch (error) {
    if (error instanceof CsvFileError) return error;
  }
  throw new Error("expected a CsvFileError");
}

describe("decodeCsvBytes", () => {
  it("reads UTF-8", () => {
    expect(decodeCsvBytes(utf8(TEXT))).toEqual({ text: TEXT, encoding: "utf-8" });
  });

  it("reads UTF-8 with a byte-order mark and leaves the mark out", () => {
    expect(decodeCsvBytes(utf8(`\uFEFF${TEXT}`))).toEqual({ text: TEXT, encoding: "utf-8-bom" });
  });

  it.each([
    [true, true, "utf-16le"],
    [false, true, "utf-16be"],
    [true, false, "utf-16le"],
    [false, false, "utf-16be"],
  ] as const)("reads UTF-16 (little-endian %s, byte-order mark %s)", (littleEndian, withBom, encoding) => {
    expect(decodeCsvBytes(utf16(TEXT, littleEndian, withBom))).toEqual({ text: TEXT, encoding });
  });

  it("reads Windows-1252 when the bytes are not UTF-8", () => {
    const bytes = Uint8Array.from([
      ...utf8("Name\r\nJos"),
      0xe9,
      0x20,
      0x4d,
      0xfc,
      ...utf8("ller\r\nO"),
      0x92,
      ...utf8("Brien "),
      0x80,
    ]);
    expect(decodeCsvBytes(bytes)).toEqual({
      text: "Name\r\nJosé Müller\r\nO’Brien €",
      encoding: "windows-1252",
    });
  });

  it("refuses an empty file and one of only blank lines", () => {
    expect(refusal(new Uint8Array()).problem).toBe("empty-file");
    expect(refusal(utf8(" \r\n\r\n")).message).toBe("This file is empty: there is nothing in it to upload.");
  });

  it("refuses binary files, naming a PDF", () => {
    expect(refusal(utf8("%PDF-1.7\n%âãÏÓ\n1 0 obj"))).toMatchObject({
      problem: "binary-file",
      message: expect.stringContaining("This is a PDF"),
    });
    expect(
      refusal(
        Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49]),
      ),
    ).toMatchObject({
      problem: "binary-file",
      message: expect.stringContaining("not text"),
    });
    expect(refusal(Uint8Array.from({ length: 200 }, (_, i) => (i % 7 === 0 ? 0x01 : 0x41))).problem).toBe(
      "binary-file",
    );
  });

  it("refuses a file over the limit before reading it", () => {
    expect(refusal(utf8(TEXT), 10)).toMatchObject({ problem: "file-too-large" });
    expect(() => assertFileSize(150 * 1024 * 1024)).toThrow("This file is 150 MB; the limit is 100 MB.");
    expect(() => assertFileSize(100 * 1024 * 1024)).not.toThrow();
  });
});
