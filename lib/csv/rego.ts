import { isBlankCell, isPlaceholder, quoted, type NormalisedCell } from "@/lib/csv/cell";

// Longest plates in the served regions: personalised Australian plates reach 9 characters.
const MAX_REGO_LENGTH = 9;
const CLEAN_REGO = /^[A-Z0-9]{1,9}$/;
// People and exports write "ABC-123", "ABC 123" or "ABC.123" for the plate ABC123.
const REGO_SEPARATORS = /[\s.\-]+/g;
const ALPHANUMERIC = /^[A-Z0-9]+$/;

/** Rego as Recapture matches it: upper case, without spaces, dashes or dots. */
export function normaliseRego(raw: string): NormalisedCell {
  if (CLEAN_REGO.test(raw)) return isPlaceholder(raw) ? "" : raw;
  const rego = raw.toUpperCase().replace(REGO_SEPARATORS, "");
  if (CLEAN_REGO.test(rego)) return isPlaceholder(rego) ? "" : rego;
  if (isBlankCell(raw)) return "";
  if (!ALPHANUMERIC.test(rego))
    return { error: `${quoted(raw)} is not a rego: only letters and digits are allowed` };
  return { error: `${quoted(raw)} is not a rego: it is longer than ${MAX_REGO_LENGTH} characters` };
}
