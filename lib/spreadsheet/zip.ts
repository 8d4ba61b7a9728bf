import { damagedWorkbook, workbookTooLarge } from "@/lib/spreadsheet/workbook-errors";

/**
 * The parts of a .xlsx file, which is a zip archive: its central directory read
 * directly, each part inflated by the platform's own DecompressionStream (native code
 * in browsers and Node alike) and handed over in chunks, so a 40 MB sheet never has to
 * sit in memory as one string.
 */
export interface ZipArchive {
  has(name: string): boolean;
  /** A part as text; only for the small ones (workbook, relationships, styles). */
  text(name: string): Promise<string>;
  /** A part as text, chunk by chunk. */
  textChunks(name: string): AsyncGenerator<string>;
}

interface ZipEntry {
  method: number;
  flags: number;
  compressedSize: number;
  localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED_FLAG = 1;
// A zip comment can follow the end record; it is at most 65,535 bytes.
const MAX_END_SEARCH = 22 + 0xffff;

/**
 * The most one part may unpack to. A 100 MB workbook of plain rows unpacks to well under
 * this; a zip bomb (a few KB that inflate to gigabytes) stops here.
 */
export const MAX_PART_BYTES = 2 * 1024 * 1024 * 1024;

function findEndOfDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  for (let offset = last; offset >= 0 && offset >= last - MAX_END_SEARCH; offset--) {
    if (view.getUint32(offset, true) === END_OF_DIRECTORY) return offset;
  }
  throw damagedWorkbook();
}

function readDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  if (bytes.length < 22) throw damagedWorkbook();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const names = new TextDecoder();
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== DIRECTORY_ENTRY)
      throw damagedWorkbook();
    const nameLength = view.getUint16(offset + 28, true);
    const name = names.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    entries.set(name.toLowerCase(), {
      flags: view.getUint16(offset + 8, true),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
    });
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
}

function compressedData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = entry.localHeaderOffset;
  if (header + 30 > bytes.length || view.getUint32(header, true) !== LOCAL_HEADER) throw damagedWorkbook();
  const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
  if (start + entry.compressedSize > bytes.length) throw damagedWorkbook();
  return bytes.subarray(start, start + entry.compressedSize);
}

async function* inflate(data: Uint8Array, method: number): AsyncGenerator<Uint8Array> {
  if (method === STORED) {
    yield data;
    return;
  }
  if (method !== DEFLATED) throw damagedWorkbook();
  const reader = new Blob([data as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream("deflate-raw"))
    .getReader();
  let total = 0;
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch {
        throw damagedWorkbook();
      }
      if (chunk.done) return;
      total += chunk.value.length;
      if (total > MAX_PART_BYTES) throw workbookTooLarge();
      yield chunk.value;
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

export function openZip(bytes: Uint8Array): ZipArchive {
  const entries = readDirectory(bytes);
  const entry = (name: string): ZipEntry => {
    const found = entries.get(name.toLowerCase());
    if (!found) throw damagedWorkbook();
    // Excel never encrypts parts this way (a password makes the whole file a different kind).
    if (found.flags & ENCRYPTED_FLAG) throw damagedWorkbook();
    return found;
  };

  async function* textChunks(name: string): AsyncGenerator<string> {
    const found = entry(name);
    const decoder = new TextDecoder("utf-8");
    for await (const chunk of inflate(compressedData(bytes, found), found.method))
      yield decoder.decode(chunk, { stream: true });
    const rest = decoder.decode();
    if (rest) yield rest;
  }

  return {
    has: (name) => entries.has(name.toLowerCase()),
    textChunks,
    async text(name) {
      let text = "";
      for await (const chunk of textChunks(name)) text += chunk;
      return text;
    },
  };
}
