/** The regions the Recapture API serves; every `region` value comes from this allow-list. */
export const REGIONS = ["au", "nz", "uk", "my"] as const;

export type Region = (typeof REGIONS)[number];
