import type { Region } from "@/lib/recapture/regions";
import { AU_STATES, type AuState } from "@/lib/au-states";
import { isBlankCell, quoted, type NormalisedCell } from "@/lib/csv/cell";

// Keys are the spelling with everything but letters removed and upper-cased,
// so "W.A.", "w a" and "Vic." need no entries of their own.
const AU_STATE_SPELLINGS = new Map<string, AuState>([
  ...AU_STATES.map((state) => [state, state] as const),
  ["NEWSOUTHWALES", "NSW"],
  ["VICTORIA", "VIC"],
  ["QUEENSLAND", "QLD"],
  ["SOUTHAUSTRALIA", "SA"],
  ["STHAUSTRALIA", "SA"],
  ["WESTERNAUSTRALIA", "WA"],
  ["WESTAUSTRALIA", "WA"],
  ["TASMANIA", "TAS"],
  ["TASSIE", "TAS"],
  ["NORTHERNTERRITORY", "NT"],
  ["AUSTRALIANCAPITALTERRITORY", "ACT"],
]);
const NOT_LETTERS = /[^A-Z]+/g;

// A file spells its states a handful of ways ("Victoria", "W.A."), each thousands of
// times, so each spelling is read once. Bounded, in case a column holds something else.
const spellingsSeen = new Map<string, AuState | undefined>();
const MAX_SPELLINGS_SEEN = 10_000;

function readAuState(raw: string): AuState | undefined {
  let state = AU_STATE_SPELLINGS.get(raw) ?? spellingsSeen.get(raw);
  if (state === undefined && !spellingsSeen.has(raw)) {
    state = AU_STATE_SPELLINGS.get(raw.toUpperCase().replace(NOT_LETTERS, ""));
    if (spellingsSeen.size === MAX_SPELLINGS_SEEN) spellingsSeen.clear();
    spellingsSeen.set(raw, state);
  }
  return state;
}

/**
 * In Australia a rego is only unique within its state, so the state is read into
 * one of the eight codes Recapture expects. Other regions have no such list: their
 * value is passed through as written.
 */
export function normaliseState(raw: string, region: Region): NormalisedCell {
  if (region !== "au") return isBlankCell(raw) ? "" : raw.trim();
  const state = readAuState(raw);
  if (state) return state;
  if (isBlankCell(raw)) return "";
  return {
    error: `${quoted(raw)} is not an Australian state or territory (NSW, VIC, QLD, SA, WA, TAS, NT or ACT)`,
  };
}
