/**
 * Follows a JSON object's bytes as they arrive and finds one of its top-level
 * lists (an upload's `customers`) without parsing anything: how many items it
 * has so far, and where each one lies. A route can then refuse a list that is
 * too long before building a single object, and parse the rest a slice at a
 * time instead of in one long block of the event loop.
 *
 * It only has to be right for valid JSON: for anything else the pieces it
 * points at fail JSON.parse later. When the field appears twice the items of
 * both count (JSON.parse keeps the last, whose place is reported).
 */

/** Byte offsets in the whole body: the list's `[` and `]`, and the commas between its items. */
export interface ListPlace {
  open: number;
  close: number;
  commas: number[];
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_LIST = 0x5b;
const CLOSE_LIST = 0x5d;
const isSpace = (byte: number) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

/** A key longer than this (as written, escapes included) is not the field, so it is not kept. */
const MAX_KEY_BYTES = 256;

export function createJsonListScanner(field: string) {
  let offset = 0;
  /** Containers open around the current byte: the top-level object's keys are at depth 1. */
  let depth = 0;
  let inString = false;
  let escaped = false;
  /** At depth 1, the next string is a key (after `{` or `,`), not a value. */
  let expectingKey = false;
  /** The raw bytes of the top-level key being read, or undefined when none is. */
  let key: number[] | undefined;
  let keyIsField = false;
  /** After `"field":`, until the value starts. */
  let valueIsField = false;
  let list: { open: number; commas: number[]; expectingItem: boolean } | undefined;
  let found: ListPlace | undefined;
  let count = 0;

  function endKey(raw: number[]) {
    let text: string | undefined;
    try {
      text = raw.length > MAX_KEY_BYTES ? undefined : JSON.parse(`"${Buffer.from(raw).toString("utf8")}"`);
    } catch {
      text = undefined;
    }
    keyIsField = text === field;
  }

  return {
    /** Items of the list seen so far. */
    get count() {
      return count;
    },
    /** Where the list is, once its `]` has been read. */
    get place(): ListPlace | undefined {
      return found;
    },
    feed(chunk: Uint8Array): void {
      for (let index = 0; index < chunk.length; index++) {
        const byte = chunk[index]!;
        if (inString) {
          if (escaped) escaped = false;
          else if (byte === BACKSLASH) escaped = true;
          else if (byte === QUOTE) {
            inString = false;
            if (key) endKey(key);
            key = undefined;
            continue;
          }
          if (key && key.length <= MAX_KEY_BYTES) key.push(byte);
          continue;
        }
        if (isSpace(byte)) continue;
        if (list && depth === 2 && list.expectingItem && byte !== COMMA && byte !== CLOSE_LIST) {
          count += 1;
          list.expectingItem = false;
        }
        switch (byte) {
          case QUOTE:
            inString = true;
            if (depth === 1 && expectingKey) key = [];
            expectingKey = false;
            break;
          case COLON:
            if (depth === 1) valueIsField = keyIsField;
            break;
          case COMMA:
            if (depth === 1) expectingKey = true;
            if (list && depth === 2) {
              list.commas.push(offset + index);
              list.expectingItem = true;
            }
            break;
          case OPEN_OBJECT:
          case OPEN_LIST:
            if (depth === 1 && valueIsField && byte === OPEN_LIST) {
              list = { open: offset + index, commas: [], expectingItem: true };
            }
            depth += 1;
            if (depth === 1) expectingKey = byte === OPEN_OBJECT;
            break;
          case CLOSE_OBJECT:
          case CLOSE_LIST:
            depth -= 1;
            if (list && depth === 1) {
              found = { open: list.open, close: offset + index, commas: list.commas };
              list = undefined;
            }
            break;
        }
        if (depth === 1 && byte !== COLON) valueIsField = false;
      }
      offset += chunk.length;
    },
  };
}
