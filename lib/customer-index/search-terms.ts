import type { Customer } from "@/lib/recapture/schemas";

/**
 * What a customer is found by in the index's search: lower-cased terms, each
 * matched by prefix. A rego is kept as letters and digits only, so "abc 123",
 * "ABC-123" and "abc123" all find ABC123. Every other value (VIN, external id,
 * each additional field: a name, an email, a phone number) is kept whole, a
 * wordy one also word by word, so "smith" finds "Olivia Smith", and one made
 * mostly of digits also as its letters and digits run together, so
 * "0412345678" finds "0412 345 678" and "dms100" finds "DMS-100123". Each
 * term is a row in a large table, so only these are kept.
 */

/** Longer terms are cut: nobody types more of a value than this to find it. */
export const TERM_MAX_LENGTH = 64;
/** A customer with fifty long additional fields still gets a bounded number of rows. */
const TERMS_PER_CUSTOMER = 200;

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
const DIGITS = /\p{N}/gu;

/** "abc 123" → "ABC123": a plate as the API stores it, however it was typed. */
export function normalisedRego(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]+/g, "");
}

/** Lower case, one space between words, cut to the longest term kept. */
function termText(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase().slice(0, TERM_MAX_LENGTH);
}

function addValue(terms: Set<string>, value: string): void {
  const whole = termText(value);
  if (whole === "") return;
  terms.add(whole);
  const runTogether = whole.replace(NOT_LETTER_OR_DIGIT, "");
  const digits = whole.match(DIGITS)?.length ?? 0;
  if (digits * 2 >= runTogether.length) {
    if (runTogether && runTogether !== whole) terms.add(runTogether);
  } else if (whole.includes(" ")) {
    for (const word of whole.split(" ")) terms.add(word);
  }
}

type Searchable = Pick<Customer, "rego" | "vin" | "external_id" | "additional_fields">;

export function searchTermsOf(customer: Searchable): string[] {
  const terms = new Set<string>();
  const rego = customer.rego && normalisedRego(customer.rego).toLowerCase();
  if (rego) terms.add(rego.slice(0, TERM_MAX_LENGTH));
  if (customer.vin) addValue(terms, customer.vin);
  if (customer.external_id) addValue(terms, customer.external_id);
  for (const value of Object.values(customer.additional_fields ?? {})) {
    if (typeof value === "string" || typeof value === "number") addValue(terms, String(value));
  }
  return [...terms].slice(0, TERMS_PER_CUSTOMER);
}

/**
 * The prefixes a search looks for: the text as typed (lower case), and the
 * same with only its letters and digits, so a rego or phone number typed with
 * spaces or dashes matches.
 */
export function searchPrefixes(search: string): string[] {
  const typed = termText(search);
  if (typed === "") return [];
  const runTogether = typed.replace(NOT_LETTER_OR_DIGIT, "");
  return runTogether && runTogether !== typed ? [typed, runTogether] : [typed];
}

/**
 * The half-open range of terms starting with `prefix`, [from, to): `to` is the
 * prefix with its last character moved one up, so an index on a column compared
 * byte by byte answers it as a range scan.
 */
export function prefixRange(prefix: string): { from: string; to: string } {
  const characters = Array.from(prefix);
  const last = characters.pop()!.codePointAt(0)!;
  // Past a surrogate's range, whose code points can't stand alone.
  const next = last + 1 === 0xd800 ? 0xe000 : last + 1;
  return { from: prefix, to: characters.join("") + String.fromCodePoint(Math.min(next, 0x10ffff)) };
}
