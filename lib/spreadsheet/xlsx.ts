import {
  excelDateText,
  excelNumberText,
  isBuiltInDateFormat,
  isDateFormatCode,
} from "@/lib/spreadsheet/cell-values";
import type { Workbook } from "@/lib/spreadsheet/workbook";
import { damagedWorkbook, notAWorkbook } from "@/lib/spreadsheet/workbook-errors";
import {
  attribute,
  elementPrefix,
  elements,
  endsName,
  stringItemText,
  unescapeCellText,
} from "@/lib/spreadsheet/xml";
import { openZip, type ZipArchive } from "@/lib/spreadsheet/zip";

/**
 * Reads .xlsx workbooks (Office Open XML) as the wizard needs them: the cached value of
 * every cell, typed. Parts are found through their relationships as the format says;
 * the sheet and its shared strings are read in chunks as they inflate.
 */

interface Relationship {
  type: string;
  path: string;
}

interface SheetPart {
  name: string;
  path: string;
  hidden: boolean;
}

/** What reading a cell needs from the rest of the workbook. */
interface CellContext {
  strings: readonly string[];
  /** By cell style index: whether the style's number format shows a date. */
  dateStyles: readonly boolean[];
  date1904: boolean;
}

// Excel's own limits: a reference beyond them is no sheet Excel wrote, and would make rows of nothing.
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

const R = "r=";
const T = "t=";
const S = "s=";

function directoryOf(path: string): string {
  return path.slice(0, path.lastIndexOf("/") + 1);
}

function resolvePath(directory: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : directory + target).split("/");
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === "..") resolved.pop();
    else if (part !== "." && part !== "") resolved.push(part);
  }
  return resolved.join("/");
}

function relationshipsPath(partPath: string): string {
  return `${directoryOf(partPath)}_rels/${partPath.slice(partPath.lastIndexOf("/") + 1)}.rels`;
}

async function readRelationships(zip: ZipArchive, partPath: string): Promise<Map<string, Relationship>> {
  const path = relationshipsPath(partPath);
  const relationships = new Map<string, Relationship>();
  if (!zip.has(path)) return relationships;
  const xml = await zip.text(path);
  const prefix = elementPrefix(xml, "Relationships");
  for (const { start, tagEnd } of elements(xml, `${prefix}Relationship`)) {
    const id = attribute(xml, start, tagEnd, "Id=");
    const target = attribute(xml, start, tagEnd, "Target=");
    if (!id || !target || attribute(xml, start, tagEnd, "TargetMode=") === "External") continue;
    relationships.set(id, {
      type: attribute(xml, start, tagEnd, "Type=") ?? "",
      path: resolvePath(directoryOf(partPath), target),
    });
  }
  return relationships;
}

function findByType(relationships: Iterable<Relationship>, type: string): Relationship | undefined {
  for (const relationship of relationships) if (relationship.type.endsWith(type)) return relationship;
  return undefined;
}

/** The value of the first attribute of the tag whose name ends in `:id` (the relationship id, whatever its prefix). */
function relationshipId(xml: string, start: number, end: number): string | undefined {
  const match = /\s[\w.-]+:id\s*=\s*["']([^"']*)["']/.exec(xml.slice(start, end));
  return match?.[1];
}

async function readStrings(zip: ZipArchive, path: string | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!path || !zip.has(path)) return strings;
  let prefix: string | undefined;
  let buffer = "";
  for await (const chunk of zip.textChunks(path)) {
    buffer += chunk;
    prefix ??= buffer.includes("sst") ? elementPrefix(buffer, "sst") : undefined;
    if (prefix === undefined) continue;
    const open = `<${prefix}si`;
    const close = `</${prefix}si>`;
    let at = 0;
    for (;;) {
      const start = buffer.indexOf(open, at);
      if (start === -1 || start + open.length >= buffer.length) break;
      if (!endsName(buffer, start + open.length)) {
        at = start + 1;
        continue;
      }
      const tagEnd = buffer.indexOf(">", start);
      if (tagEnd === -1) break;
      if (buffer.charCodeAt(tagEnd - 1) === 47) {
        strings.push("");
        at = tagEnd + 1;
        continue;
      }
      const end = buffer.indexOf(close, tagEnd);
      if (end === -1) break;
      strings.push(stringItemText(buffer.slice(tagEnd + 1, end), prefix));
      at = end + close.length;
    }
    buffer = buffer.slice(at);
  }
  return strings;
}

async function readDateStyles(zip: ZipArchive, path: string | undefined): Promise<boolean[]> {
  if (!path || !zip.has(path)) return [];
  const xml = await zip.text(path);
  const prefix = elementPrefix(xml, "styleSheet");
  // A workbook may define its own formats, and may redefine a built-in one.
  const definedFormats = new Map<number, boolean>();
  for (const { start, tagEnd } of elements(xml, `${prefix}numFmt`)) {
    const code = attribute(xml, start, tagEnd, "formatCode=") ?? "";
    definedFormats.set(Number(attribute(xml, start, tagEnd, "numFmtId=")), isDateFormatCode(code));
  }
  const cellFormats = xml.indexOf(`<${prefix}cellXfs`);
  if (cellFormats === -1) return [];
  const end = xml.indexOf(`</${prefix}cellXfs>`, cellFormats);
  const dateStyles: boolean[] = [];
  for (const { start, tagEnd } of elements(xml, `${prefix}xf`, cellFormats, end === -1 ? xml.length : end)) {
    const id = Number(attribute(xml, start, tagEnd, "numFmtId=") ?? 0);
    dateStyles.push(definedFormats.get(id) ?? isBuiltInDateFormat(id));
  }
  return dateStyles;
}

function columnIndex(reference: string): number {
  let column = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + code - 64;
  }
  return column - 1;
}

function rowIndex(reference: string | undefined, next: number): number {
  const number = reference === undefined ? NaN : Number(reference);
  return Number.isInteger(number) && number >= 1 ? number - 1 : next;
}

/** A typed date cell ("d"), written as an ISO date-time: the day, and the time when there is one. */
function isoDateCellText(value: string): string {
  const [date = "", time = ""] = value.split("T");
  const clock = time.replace(/(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?$/, "").replace(/:00$/, "");
  return clock === "" || clock === "00:00" ? date : `${date} ${clock}`;
}

function cellText(
  xml: string,
  start: number,
  end: number,
  tagEnd: number,
  prefix: string,
  context: CellContext,
): string {
  const type = attribute(xml, start, tagEnd, T) ?? "n";
  if (type === "inlineStr") {
    const open = xml.indexOf(`<${prefix}is>`, tagEnd);
    const close = xml.indexOf(`</${prefix}is>`, tagEnd);
    return open === -1 || close === -1 || close > end ? "" : stringItemText(xml.slice(open, close), prefix);
  }
  const valueOpen = `<${prefix}v>`;
  const open = xml.indexOf(valueOpen, tagEnd);
  if (open === -1 || open > end) return "";
  const close = xml.indexOf(`</${prefix}v>`, open);
  const value = xml.slice(open + valueOpen.length, close === -1 || close > end ? end : close);
  switch (type) {
    case "s":
      return context.strings[Number(value)] ?? "";
    case "str":
    case "e":
      return unescapeCellText(value);
    case "b":
      return value === "1" ? "TRUE" : "FALSE";
    case "d":
      return isoDateCellText(value);
    default: {
      if (value === "") return "";
      const number = Number(value);
      const style = attribute(xml, start, tagEnd, S);
      if (style !== undefined && context.dateStyles[Number(style)])
        return excelDateText(number, context.date1904) ?? excelNumberText(number);
      return excelNumberText(number);
    }
  }
}

/** The cells of one row, between its tags: each at its column, blank where there is none. */
function rowCells(xml: string, start: number, end: number, prefix: string, context: CellContext): string[] {
  const cells: string[] = [];
  const open = `<${prefix}c`;
  const close = `</${prefix}c>`;
  let column = 0;
  for (let at = xml.indexOf(open, start); at !== -1 && at < end; at = xml.indexOf(open, at + 1)) {
    if (!endsName(xml, at + open.length)) continue;
    const tagEnd = xml.indexOf(">", at);
    const reference = attribute(xml, at, tagEnd, R);
    if (reference !== undefined) column = columnIndex(reference);
    if (column >= MAX_COLUMNS) throw damagedWorkbook();
    if (xml.charCodeAt(tagEnd - 1) !== 47) {
      const cellEnd = xml.indexOf(close, tagEnd);
      const text = cellText(xml, at, cellEnd === -1 ? end : cellEnd, tagEnd, prefix, context);
      if (text !== "" && column >= 0) {
        while (cells.length < column) cells.push("");
        cells[column] = text;
      }
      if (cellEnd !== -1) at = cellEnd;
    }
    column++;
  }
  return cells;
}

async function readRows(zip: ZipArchive, path: string, context: CellContext): Promise<string[][]> {
  const rows: string[][] = [];
  let prefix: string | undefined;
  let buffer = "";
  let next = 0;
  for await (const chunk of zip.textChunks(path)) {
    buffer += chunk;
    prefix ??= buffer.includes("worksheet") ? elementPrefix(buffer, "worksheet") : undefined;
    if (prefix === undefined) continue;
    const open = `<${prefix}row`;
    const close = `</${prefix}row>`;
    // Rows are read once whole; the rest of the buffer waits for the next chunk.
    let at = 0;
    for (;;) {
      const start = buffer.indexOf(open, at);
      if (start === -1) {
        at = Math.max(at, buffer.length - open.length);
        break;
      }
      if (start + open.length >= buffer.length) {
        at = start;
        break;
      }
      if (!endsName(buffer, start + open.length)) {
        at = start + 1;
        continue;
      }
      const tagEnd = buffer.indexOf(">", start);
      if (tagEnd === -1) {
        at = start;
        break;
      }
      const row = rowIndex(attribute(buffer, start, tagEnd, R), next);
      if (row >= MAX_ROWS) throw damagedWorkbook();
      next = row + 1;
      if (buffer.charCodeAt(tagEnd - 1) === 47) {
        at = tagEnd + 1;
        continue;
      }
      const end = buffer.indexOf(close, tagEnd);
      if (end === -1) {
        next = row;
        at = start;
        break;
      }
      const cells = rowCells(buffer, tagEnd + 1, end, prefix, context);
      if (cells.length > 0) rows[row] = cells;
      at = end + close.length;
    }
    buffer = buffer.slice(at);
  }
  // Rows without a value are absent from the sheet; they are blank lines to the pipeline.
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}

export async function openXlsx(bytes: Uint8Array): Promise<Workbook> {
  const zip = openZip(bytes);
  const packageRelationships = await readRelationships(zip, "");
  const workbookPath =
    findByType(packageRelationships.values(), "/officeDocument")?.path ??
    (zip.has("xl/workbook.xml") ? "xl/workbook.xml" : undefined);
  if (!workbookPath || !zip.has(workbookPath)) throw notAWorkbook();

  const workbookXml = await zip.text(workbookPath);
  const relationships = await readRelationships(zip, workbookPath);
  const prefix = elementPrefix(workbookXml, "workbook");
  const properties = elements(workbookXml, `${prefix}workbookPr`).next().value;
  const date1904Flag = properties && attribute(workbookXml, properties.start, properties.tagEnd, "date1904=");
  const date1904 = date1904Flag === "1" || date1904Flag === "true";

  const parts: SheetPart[] = [];
  for (const { start, tagEnd } of elements(workbookXml, `${prefix}sheet`)) {
    const id = relationshipId(workbookXml, start, tagEnd);
    const relationship = id === undefined ? undefined : relationships.get(id);
    // Chart sheets and macro sheets hold no rows.
    if (!relationship?.type.endsWith("/worksheet")) continue;
    const state = attribute(workbookXml, start, tagEnd, "state=");
    parts.push({
      name: attribute(workbookXml, start, tagEnd, "name=") ?? `Sheet ${parts.length + 1}`,
      path: relationship.path,
      hidden: state === "hidden" || state === "veryHidden",
    });
  }
  const shown = parts.some((part) => !part.hidden) ? parts.filter((part) => !part.hidden) : parts;

  let context: Promise<CellContext> | undefined;
  const loadContext = async (): Promise<CellContext> => ({
    strings: await readStrings(zip, findByType(relationships.values(), "/sharedStrings")?.path),
    dateStyles: await readDateStyles(zip, findByType(relationships.values(), "/styles")?.path),
    date1904,
  });

  return {
    format: "xlsx",
    sheets: shown.map((part) => part.name),
    async readSheet(index) {
      const part = shown[index];
      if (!part) throw new RangeError(`No sheet ${index}`);
      if (!zip.has(part.path)) throw damagedWorkbook();
      context ??= loadContext();
      return readRows(zip, part.path, await context);
    },
  };
}
