import { isBlankCell, quoted, type CellError } from "@/lib/csv/cell";

/**
 * A 17-character VIN is what Recapture cross-references with new listings. Older
 * and Japanese-import vehicles carry a shorter chassis number (e.g. "ZVW30-1234567")
 * instead: it can't be matched as a VIN, so it is kept for reference in
 * `additional_fields.chassis_number` with a warning rather than sent as `vin`.
 */
/** The additional field a chassis number from the VIN column is kept under. */
export const CHASSIS_NUMBER_KEY = "chassis_number";

export type NormalisedVin = string | { chassisNumber: string; warning: string } | CellError;

const VIN_LENGTH = 17;
const CLEAN_VIN = /^[A-HJ-NPR-Z0-9]{17}$/;
const VIN_SEPARATORS = /[\s\-]+/g;
const ALPHANUMERIC = /^[A-Z0-9]+$/;
const LETTERS_NEVER_IN_A_VIN = /[IOQ]/;
const CHASSIS_NUMBER = /^[A-Z0-9][A-Z0-9\-]*$/;
const MIN_CHASSIS_LENGTH = 6;
const WHITESPACE = /\s+/g;

/** The VIN upper-cased without spaces (`""` when blank), a chassis number with its warning, or an error. */
export function normaliseVin(raw: string): NormalisedVin {
  if (raw.length === VIN_LENGTH && CLEAN_VIN.test(raw)) return raw;
  if (isBlankCell(raw)) return "";
  const upper = raw.trim().toUpperCase();
  const compact = upper.replace(VIN_SEPARATORS, "");
  if (!ALPHANUMERIC.test(compact)) {
    return { error: `${quoted(raw)} is not a VIN: only letters and digits are allowed` };
  }
  if (compact.length === VIN_LENGTH) {
    return LETTERS_NEVER_IN_A_VIN.test(compact)
      ? { error: `${quoted(raw)} is not a VIN: VINs never contain the letters I, O or Q` }
      : compact;
  }
  if (compact.length > VIN_LENGTH) {
    return { error: `${quoted(raw)} is not a VIN: it has ${compact.length} characters, a VIN has 17` };
  }
  const chassisNumber = upper.replace(WHITESPACE, "");
  if (compact.length >= MIN_CHASSIS_LENGTH && CHASSIS_NUMBER.test(chassisNumber)) {
    return {
      chassisNumber,
      warning: `${quoted(raw)} is a chassis number, not a 17-character VIN: it is kept as chassis_number but can't be matched to listings`,
    };
  }
  return { error: `${quoted(raw)} is not a VIN: it has ${compact.length} characters, a VIN has 17` };
}
