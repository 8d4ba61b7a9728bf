import { CsvFileError } from "@/lib/csv/csv-file-error";

export const ACCEPTED_FILE_EXTENSIONS = [".csv", ".tsv", ".txt", ".xlsx", ".xls"] as const;
const ACCEPTED_EXTENSION = /\.(?:csv|tsv|txt|xlsx|xls)$/i;

/** "June sales.csv" → "June sales", for naming the upload and the not-sent file. */
export function fileBaseName(fileName: string): string {
  return fileName.replace(ACCEPTED_EXTENSION, "").trim();
}

export const DEFAULT_MAX_FILE_BYTES = 100 * 1024 * 1024;

export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252";

export interface DecodedFile {
  text: string;
  encoding: TextEncoding;
}

// Enough of the start of a file to tell text from binary without reading 100 MB.
const SNIFF_BYTES = 64 * 1024;
// Real exports hold the odd stray control character; binary files are full of them.
const MAX_CONTROL_BYTE_SHARE = 0.01;

// Excel workbooks never get here: lib/spreadsheet reads them (see the wizard's pipeline session).
const WRONG_KIND_OF_FILE: { magic: readonly number[]; message: string }[] = [
  {
    magic: [0x25, 0x50, 0x44, 0x46],
    message: "This is a PDF, not a CSV file. Export the report from your system as CSV.",
  },
];

function megabytes(bytes: number): string {
  return `${Math.ceil(bytes / (1024 * 1024))} MB`;
}

/** Checked before the file is read, so an oversized drop fails at once. */
export function assertFileSize(byteLength: number, maxBytes = DEFAULT_MAX_FILE_BYTES): void {
  if (byteLength > maxBytes) {
    throw new CsvFileError(
      "file-too-large",
      `This file is ${megabytes(byteLength)}; the limit is ${megabytes(maxBytes)}. Split it into smaller exports (by date range, for example).`,
    );
  }
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

/** UTF-16 without a byte-order mark, told by the zero high bytes of its ASCII characters. */
function bomlessUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const length = Math.min(bytes.length, 1024) & ~1;
  if (length < 4) return undefined;
  let zerosAtEven = 0;
  let zerosAtOdd = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) zerosAtEven++;
    if (bytes[i + 1] === 0) zerosAtOdd++;
  }
  const pairs = length / 2;
  if (zerosAtOdd > pairs * 0.4 && zerosAtEven < pairs * 0.05) return "utf-16le";
  if (zerosAtEven > pairs * 0.4 && zerosAtOdd < pairs * 0.05) return "utf-16be";
  return undefined;
}

function looksBinary(bytes: Uint8Array): boolean {
  const length = Math.min(bytes.length, SNIFF_BYTES);
  let controlBytes = 0;
  for (let i = 0; i < length; i++) {
    const byte = bytes[i] ?? 0;
    if (byte === 0) return true;
    // Tab, line feed, form feed, carriage return and the old end-of-file mark (0x1a) are text.
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1a)
      controlBytes++;
  }
  return controlBytes > length * MAX_CONTROL_BYTE_SHARE;
}

// Windows-1252 puts € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ at 0x80–0x9F.
// Node's TextDecoder reads those bytes as Latin-1 control characters instead
// (nodejs/node#56542), so they are put right here; browsers never produce them.
const WINDOWS_1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
const C1_CONTROLS = /[\u0080-\u009f]/g;

function decodeAs(bytes: Uint8Array, encoding: TextEncoding): string {
  if (encoding === "windows-1252") {
    return new TextDecoder(encoding)
      .decode(bytes)
      .replace(C1_CONTROLS, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80] ?? char);
  }
  const label = encoding === "utf-8-bom" ? "utf-8" : encoding;
  return new TextDecoder(label).decode(bytes);
}

/** UTF-8 unless the bytes can't be, in which case the file came from Excel's "CSV" (Windows-1252). */
function decodeUtf8OrWindows1252(bytes: Uint8Array): DecodedFile {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: decodeAs(bytes, "windows-1252"), encoding: "windows-1252" };
  }
}

/**
 * Turns the bytes of a dropped file into text. Throws a CsvFileError for an empty,
 * binary or oversized file. A byte-order mark decides the encoding when present and
 * is not part of the text.
 */
export function decodeCsvBytes(bytes: Uint8Array, maxBytes = DEFAULT_MAX_FILE_BYTES): DecodedFile {
  assertFileSize(bytes.length, maxBytes);
  const decoded = decodeByContent(bytes);
  if (decoded.text.trim() === "")
    throw new CsvFileError("empty-file", "This file is empty: there is nothing in it to upload.");
  return decoded;
}

function decodeByContent(bytes: Uint8Array): DecodedFile {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf]))
    return { text: decodeAs(bytes, "utf-8-bom"), encoding: "utf-8-bom" };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: decodeAs(bytes, "utf-16le"), encoding: "utf-16le" };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: decodeAs(bytes, "utf-16be"), encoding: "utf-16be" };
  const utf16 = bomlessUtf16(bytes);
  if (utf16) return { text: decodeAs(bytes, utf16), encoding: utf16 };
  const wrongKind = WRONG_KIND_OF_FILE.find(({ magic }) => startsWith(bytes, magic));
  if (wrongKind) throw new CsvFileError("binary-file", wrongKind.message);
  if (looksBinary(bytes)) {
    throw new CsvFileError(
      "binary-file",
      "This file is not text (it looks like a program, image or archive). Drop a CSV export instead.",
    );
  }
  return decodeUtf8OrWindows1252(bytes);
}
