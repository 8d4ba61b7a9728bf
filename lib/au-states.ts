/**
 * Australia's states and territories, as the eight codes Recapture expects. Shared by the
 * customer forms (a picker, a check) and the CSV pipeline (which reads other spellings into them).
 */
export const AU_STATES = ["NSW", "VIC", "QLD", "SA", "WA", "TAS", "NT", "ACT"] as const;
export type AuState = (typeof AU_STATES)[number];

/** Full names, for the state picker. */
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
