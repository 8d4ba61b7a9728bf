/**
 * Just enough XML for the parts of an .xlsx file, read with indexOf rather than a parser:
 * Excel writes them in one regular shape, and reading a 40 MB sheet this way is ten times
 * quicker than any general parser. There is no DTD and no entity but the five predefined
 * ones and character references, so nothing can expand (no "billion laughs").
 */

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
// Office's own escape for characters XML can't hold, such as _x000D_ for a carriage return.
const OFFICE_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

function fromCodePoint(code: number): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\uFFFD";
}

/** Text content or an attribute value as the characters it stands for. */
export function unescapeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (_, hex?: string, decimal?: string, name?: string) =>
    name ? (NAMED[name] ?? "") : fromCodePoint(hex ? parseInt(hex, 16) : Number(decimal)),
  );
}

/** A string cell's text: XML escapes and Office's _xHHHH_ escapes undone. */
export function unescapeCellText(text: string): string {
  const unescaped = unescapeXml(text);
  return unescaped.includes("_x")
    ? unescaped.replace(OFFICE_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : unescaped;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/**
 * The value of an attribute in the tag between `start` and `end`, if it has one; `nameIs`
 * is its name and "=" (`r=`), written out by the caller so no string is built per cell.
 */
export function attribute(xml: string, start: number, end: number, nameIs: string): string | undefined {
  for (let at = xml.indexOf(nameIs, start); at !== -1 && at < end; at = xml.indexOf(nameIs, at + 1)) {
    if (!isSpace(xml.charCodeAt(at - 1))) continue;
    const quote = xml.charAt(at + nameIs.length);
    const valueStart = at + nameIs.length + 1;
    const valueEnd = xml.indexOf(quote, valueStart);
    if (valueEnd === -1 || valueEnd > end) return undefined;
    return unescapeXml(xml.slice(valueStart, valueEnd));
  }
  return undefined;
}

/**
 * The namespace prefix a part's elements are written with ("" or "x:"): Excel writes none,
 * but some generators write every element as <x:row>, <x:c>.
 */
export function elementPrefix(xml: string, rootName: string): string {
  const match = new RegExp(`<([A-Za-z_][\\w.-]*:)?${rootName}[\\s>/]`).exec(xml);
  return match?.[1] ?? "";
}

/** Whether the element name starting at `at` (just after `<prefix+name`) ends there. */
export function endsName(xml: string, at: number): boolean {
  const code = xml.charCodeAt(at);
  return isSpace(code) || code === 62 /* > */ || code === 47; /* / */
}

/** Each element `<name …>` between `start` and `end`: where its tag starts and ends, and whether it closes itself. */
export function* elements(
  xml: string,
  tag: string,
  start = 0,
  end = xml.length,
): Generator<{ start: number; tagEnd: number; selfClosing: boolean }> {
  for (let at = xml.indexOf(`<${tag}`, start); at !== -1 && at < end; at = xml.indexOf(`<${tag}`, at + 1)) {
    if (!endsName(xml, at + tag.length + 1)) continue;
    const tagEnd = xml.indexOf(">", at);
    if (tagEnd === -1) return;
    yield { start: at, tagEnd, selfClosing: xml.charCodeAt(tagEnd - 1) === 47 };
  }
}

/**
 * The text of a string item (the inside of an <si> or <is>): its <t> runs joined, leaving
 * out phonetic guides (<rPh>), which hold <t> runs of their own.
 */
export function stringItemText(item: string, prefix: string): string {
  const phonetic = `<${prefix}rPh`;
  const xml = item.includes(phonetic)
    ? item.replace(new RegExp(`${phonetic}[\\s>][\\s\\S]*?</${prefix}rPh>`, "g"), "")
    : item;
  const open = `<${prefix}t`;
  const close = `</${prefix}t>`;
  let text = "";
  for (let at = xml.indexOf(open); at !== -1; at = xml.indexOf(open, at + 1)) {
    if (!endsName(xml, at + open.length)) continue;
    const tagEnd = xml.indexOf(">", at);
    if (tagEnd === -1) break;
    if (xml.charCodeAt(tagEnd - 1) === 47) continue;
    const end = xml.indexOf(close, tagEnd);
    if (end === -1) break;
    text += xml.slice(tagEnd + 1, end);
    at = end;
  }
  return unescapeCellText(text);
}
