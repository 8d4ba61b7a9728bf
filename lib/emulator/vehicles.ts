import { pick, randomInt, seededRandom, type Random } from "./random";

/**
 * The emulator's stand-in for a rego-to-VIN registry and a VIN decoder. Both are
 * pure functions of their input, so the same rego always "looks up" the same
 * VIN and the same VIN always decodes to the same vehicle.
 */

interface ModelEntry {
  name: string;
  variants: readonly string[];
  /** Typical drive-away price new, in whole AUD; the market depreciates it. */
  newPrice: number;
}

interface MakeEntry {
  make: string;
  /** World manufacturer identifiers (VIN positions 1–3) used for this make in Australia. */
  wmis: readonly string[];
  models: readonly ModelEntry[];
  /** Relative share of Australian sales, so generated fleets look like real ones. */
  share: number;
}

const CATALOG: readonly MakeEntry[] = [
  {
    make: "Toyota",
    wmis: ["JTD", "JTN", "MR0", "6T1"],
    share: 22,
    models: [
      { name: "Corolla", variants: ["Ascent Sport", "SX", "ZR"], newPrice: 32_000 },
      { name: "Camry", variants: ["Ascent", "Ascent Sport", "SL"], newPrice: 40_000 },
      { name: "RAV4", variants: ["GX", "GXL", "Cruiser"], newPrice: 45_000 },
      { name: "HiLux", variants: ["Workmate", "SR", "SR5"], newPrice: 55_000 },
      { name: "LandCruiser Prado", variants: ["GX", "GXL", "VX"], newPrice: 75_000 },
      { name: "Kluger", variants: ["GX", "GXL", "Grande"], newPrice: 60_000 },
    ],
  },
  {
    make: "Mazda",
    wmis: ["JM0", "JMZ"],
    share: 10,
    models: [
      { name: "3", variants: ["G20 Pure", "Maxx", "SP25 GT"], newPrice: 33_000 },
      { name: "CX-3", variants: ["Neo", "Maxx Sport", "Akari"], newPrice: 32_000 },
      { name: "CX-5", variants: ["Maxx", "Maxx Sport", "GT"], newPrice: 44_000 },
      { name: "BT-50", variants: ["XT", "XTR", "GT"], newPrice: 55_000 },
    ],
  },
  {
    make: "Ford",
    wmis: ["MPB", "6FP"],
    share: 9,
    models: [
      { name: "Ranger", variants: ["XL", "XLT", "Wildtrak"], newPrice: 60_000 },
      { name: "Everest", variants: ["Ambiente", "Trend", "Titanium"], newPrice: 65_000 },
      { name: "Focus", variants: ["Trend", "ST-Line", "Titanium"], newPrice: 32_000 },
    ],
  },
  {
    make: "Hyundai",
    wmis: ["KMH"],
    share: 8,
    models: [
      { name: "i30", variants: ["Active", "Elite", "N Line"], newPrice: 30_000 },
      { name: "Tucson", variants: ["Active", "Elite", "Highlander"], newPrice: 42_000 },
      { name: "Kona", variants: ["Active", "Elite", "Highlander"], newPrice: 34_000 },
    ],
  },
  {
    make: "Mitsubishi",
    wmis: ["MMA", "JMB"],
    share: 7,
    models: [
      { name: "Triton", variants: ["GLX", "GLX+", "GLS"], newPrice: 48_000 },
      { name: "Outlander", variants: ["ES", "LS", "Exceed"], newPrice: 42_000 },
      { name: "ASX", variants: ["ES", "LS", "Exceed"], newPrice: 30_000 },
    ],
  },
  {
    make: "Kia",
    wmis: ["KNA", "KNE"],
    share: 7,
    models: [
      { name: "Cerato", variants: ["S", "Sport", "GT"], newPrice: 29_000 },
      { name: "Sportage", variants: ["S", "SX", "GT-Line"], newPrice: 40_000 },
      { name: "Sorento", variants: ["S", "Sport", "GT-Line"], newPrice: 55_000 },
    ],
  },
  {
    make: "Nissan",
    wmis: ["JN1", "MNT"],
    share: 5,
    models: [
      { name: "X-Trail", variants: ["ST", "ST-L", "Ti"], newPrice: 42_000 },
      { name: "Navara", variants: ["SL", "ST", "ST-X"], newPrice: 52_000 },
      { name: "Qashqai", variants: ["ST", "ST+", "Ti"], newPrice: 36_000 },
    ],
  },
  {
    make: "Volkswagen",
    wmis: ["WVW", "WVG", "WV1"],
    share: 4,
    models: [
      { name: "Golf", variants: ["110TSI Life", "R-Line", "GTI"], newPrice: 38_000 },
      { name: "Tiguan", variants: ["110TSI Life", "162TSI Elegance"], newPrice: 45_000 },
      { name: "Amarok", variants: ["Core", "Life", "Highline"], newPrice: 60_000 },
    ],
  },
  {
    make: "Subaru",
    wmis: ["JF1", "JF2"],
    share: 4,
    models: [
      { name: "Forester", variants: ["2.5i", "2.5i-L", "2.5i-S"], newPrice: 42_000 },
      { name: "Outback", variants: ["AWD", "AWD Sport", "AWD Touring"], newPrice: 48_000 },
      { name: "XV", variants: ["2.0i", "2.0i-L", "2.0i-S"], newPrice: 35_000 },
    ],
  },
  {
    make: "Isuzu",
    wmis: ["MPA"],
    share: 4,
    models: [
      { name: "D-Max", variants: ["SX", "LS-U", "X-Terrain"], newPrice: 55_000 },
      { name: "MU-X", variants: ["LS-M", "LS-U", "LS-T"], newPrice: 58_000 },
    ],
  },
  {
    make: "Honda",
    wmis: ["JHM", "MRH"],
    share: 3,
    models: [
      { name: "Civic", variants: ["VTi", "VTi-L", "RS"], newPrice: 34_000 },
      { name: "CR-V", variants: ["Vi", "VTi", "VTi L7"], newPrice: 42_000 },
      { name: "HR-V", variants: ["Vi X", "e:HEV L"], newPrice: 36_000 },
    ],
  },
  {
    make: "MG",
    wmis: ["LSJ"],
    share: 4,
    models: [
      { name: "ZS", variants: ["Vibe", "Excite", "Essence"], newPrice: 26_000 },
      { name: "MG3", variants: ["Core", "Vibe", "Excite"], newPrice: 20_000 },
      { name: "HS", variants: ["Vibe", "Excite", "Essence"], newPrice: 36_000 },
    ],
  },
];

const MAKE_BY_WMI = new Map(CATALOG.flatMap((entry) => entry.wmis.map((wmi) => [wmi, entry] as const)));
const TOTAL_SHARE = CATALOG.reduce((sum, entry) => sum + entry.share, 0);

/** VIN characters: digits and letters except I, O and Q, which look like 1 and 0. */
const VIN_CHARS = [..."0123456789ABCDEFGHJKLMNPRSTUVWXYZ"];
/** Model-year codes (VIN position 10) in their 30-year cycle, starting 1980 and again 2010. */
const YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789";
const NEWEST_MODEL_YEAR = 2025;
const OLDEST_GENERATED_YEAR = 2008;

export interface Vehicle {
  year: number;
  make: string;
  model: string;
  variant: string;
  newPrice: number;
}

export function vehicleTitle(vehicle: Vehicle): string {
  return `${vehicle.year} ${vehicle.make} ${vehicle.model} ${vehicle.variant}`;
}

function makeForShareRoll(roll: number): MakeEntry {
  let remaining = roll * TOTAL_SHARE;
  for (const entry of CATALOG) {
    remaining -= entry.share;
    if (remaining < 0) return entry;
  }
  return CATALOG[0] as MakeEntry;
}

function yearFromCode(code: string | undefined): number | undefined {
  const index = code === undefined ? -1 : YEAR_CODES.indexOf(code);
  if (index < 0) return undefined;
  return 2010 + index <= NEWEST_MODEL_YEAR ? 2010 + index : 1980 + index;
}

function yearCode(year: number): string {
  return YEAR_CODES[(year - 1980) % 30] ?? "A";
}

/** Decodes a VIN into a plausible vehicle: the make from its WMI when we know it, the year from position 10. */
export function vehicleFromVin(vin: string): Vehicle {
  const random = seededRandom("vehicle", vin);
  const makeEntry = MAKE_BY_WMI.get(vin.slice(0, 3)) ?? makeForShareRoll(random());
  const model = pick(random, makeEntry.models);
  const year = yearFromCode(vin[9]) ?? randomInt(random, OLDEST_GENERATED_YEAR, NEWEST_MODEL_YEAR - 1);
  return {
    year,
    make: makeEntry.make,
    model: model.name,
    variant: pick(random, model.variants),
    newPrice: model.newPrice,
  };
}

const CHECK_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** VIN letters stand for these digits when computing the check digit. */
const TRANSLITERATION = new Map(
  [..."ABCDEFGHJKLMNPRSTUVWXYZ"].map((char, i) => [char, Number("12345678123457923456789"[i])]),
);

function transliterate(char: string): number {
  return TRANSLITERATION.get(char) ?? Number(char);
}

/** The ISO 3779 / North American check digit (VIN position 9), so generated VINs pass real validators. */
export function vinCheckDigit(vin: string): string {
  const sum = [...vin].reduce(
    (total, char, index) => total + transliterate(char) * (CHECK_WEIGHTS[index] ?? 0),
    0,
  );
  const remainder = sum % 11;
  return remainder === 10 ? "X" : String(remainder);
}

/** A well-formed VIN for a vehicle drawn from the Australian sales mix. */
export function generateVin(random: Random): string {
  const makeEntry = makeForShareRoll(random());
  const chars = (count: number) => Array.from({ length: count }, () => pick(random, VIN_CHARS)).join("");
  const year = randomInt(random, OLDEST_GENERATED_YEAR, NEWEST_MODEL_YEAR - 1);
  const serial = String(randomInt(random, 0, 999_999)).padStart(6, "0");
  const draft = `${pick(random, makeEntry.wmis)}${chars(5)}0${yearCode(year)}${chars(1)}${serial}`;
  return `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
}

/**
 * The VIN a registry lookup returns for a rego. Deterministic in region, state
 * and rego, so repeating a lookup (or restarting the emulator) gives the same car.
 */
export function lookupVin(region: string, state: string | null, rego: string): string {
  return generateVin(seededRandom("rego-lookup", region, state ?? "", rego));
}

/** The vehicle behind a customer: decoded from its VIN, or from the VIN its rego would look up. */
export function vehicleForCustomer(customer: {
  region: string;
  state: string | null;
  rego: string | null;
  vin: string | null;
}): Vehicle {
  return vehicleFromVin(customer.vin ?? lookupVin(customer.region, customer.state, customer.rego ?? ""));
}
