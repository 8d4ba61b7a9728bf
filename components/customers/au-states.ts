import type { AuState } from "@/lib/csv/states";

/** Full names for the state picker; the abbreviations themselves are the CSV pipeline's AU_STATES. */
export const AU_STATE_NAMES: Record<AuState, string> = {
  ACT: "Australian Capital Territory",
  NSW: "New South Wales",
  NT: "Northern Territory",
  QLD: "Queensland",
  SA: "South Australia",
  TAS: "Tasmania",
  VIC: "Victoria",
  WA: "Western Australia",
};
