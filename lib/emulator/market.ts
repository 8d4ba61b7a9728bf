import { isoAt } from "./dates";
import { pick, pickWeighted, randomInt, randomUuid, seededRandom, type Random } from "./random";
import type { CustomerRow, SightingRow } from "./store";
import { vehicleForCustomer, vehicleTitle, type Vehicle } from "./vehicles";

/**
 * The simulated used-car market. Every car has its own timeline of listings,
 * drawn from the market seed and the car's identity, so the market is the same
 * on every run and for every account that tracks the car. A customer sees the
 * listings that fall inside the time it is monitored.
 */

/** Listings per car per year: Australians keep a car about four years on average before selling it. */
const LISTINGS_PER_YEAR = 0.25;
const YEAR_MS = 365.25 * 24 * 3600 * 1000;
/** The market's timeline starts here; earlier than any customer can be monitored. */
const MARKET_EPOCH = Date.UTC(2015, 0, 1);
const DAY_MS = 24 * 3600 * 1000;
/** Share of listings taken down (sold, or the ad withdrawn) and so gone from the sightings; the rest stay. */
const TAKEN_DOWN_SHARE = 0.25;
/** Average days a taken-down listing was up. */
const DAYS_ON_MARKET = 30;
/** A seller cuts the price at most this many times, on average this many days apart, by 3–8% each time. */
const MAX_PRICE_CUTS = 3;
const DAYS_BETWEEN_CUTS = 21;

type MarketCustomer = Pick<
  CustomerRow,
  "id" | "region" | "state" | "rego" | "vin" | "created_at" | "monitor_start_date" | "monitor_end_date"
>;

type Site = (random: Random, vehicle: Vehicle) => string;

const slug = (vehicle: Vehicle) =>
  `${vehicle.year}-${vehicle.make}-${vehicle.model}`.toLowerCase().replace(/[^a-z0-9]+/g, "-");
const digits = (random: Random, count: number) =>
  String(randomInt(random, 10 ** (count - 1), 10 ** count - 1));

const SITES = {
  carsales: (random) => `https://www.carsales.com.au/cars/details/OAG-AD-${digits(random, 8)}/`,
  gumtree: (random, vehicle) =>
    `https://www.gumtree.com.au/s-ad/${pick(random, ["melbourne", "sydney", "brisbane", "perth", "adelaide", "hobart"])}/cars-vans-utes/${slug(vehicle)}/${digits(random, 10)}`,
  autotrader: (random, vehicle) => `https://www.autotrader.com.au/car/${digits(random, 8)}/${slug(vehicle)}`,
  facebook: (random) => `https://www.facebook.com/marketplace/item/${digits(random, 15)}/`,
  trademe: (random) => `https://www.trademe.co.nz/a/motors/cars/listing/${digits(random, 10)}`,
  autotraderUk: (random) => `https://www.autotrader.co.uk/car-details/${digits(random, 15)}`,
  mudah: (random, vehicle) => `https://www.mudah.my/${slug(vehicle)}-${digits(random, 9)}.htm`,
  carlist: (random, vehicle) => `https://www.carlist.my/used-cars/${slug(vehicle)}/${digits(random, 8)}`,
} satisfies Record<string, Site>;

const SITES_BY_REGION: Record<string, readonly (readonly [Site, number])[]> = {
  au: [
    [SITES.carsales, 45],
    [SITES.facebook, 25],
    [SITES.gumtree, 20],
    [SITES.autotrader, 10],
  ],
  nz: [
    [SITES.trademe, 70],
    [SITES.facebook, 30],
  ],
  uk: [
    [SITES.autotraderUk, 75],
    [SITES.facebook, 25],
  ],
  my: [
    [SITES.mudah, 50],
    [SITES.carlist, 30],
    [SITES.facebook, 20],
  ],
};

export type Market = ReturnType<typeof createMarket>;

/** Dealers price to the $990, private sellers round to $500. */
function askingPrice(value: number, seller_type: SightingRow["seller_type"]): number {
  return seller_type === "dealer"
    ? Math.max(2_990, Math.round(value / 1000) * 1000 - 10)
    : Math.max(1_500, Math.round(value / 500) * 500);
}

/** Draws from `random` the waiting time, in ms, of an event that happens on average every `days`. */
const waitMs = (random: Random, days: number) => -Math.log(1 - random()) * days * DAY_MS;

/**
 * What happens to a listing after it goes up, the same for everyone tracking
 * the car: the price cuts (when, and the fraction kept) and, for some, when it
 * is taken down.
 */
function listingLife(random: Random, listedAt: number) {
  const cuts: { at: number; keep: number }[] = [];
  for (let i = 0, at = listedAt; i < MAX_PRICE_CUTS; i++) {
    at += waitMs(random, DAYS_BETWEEN_CUTS);
    cuts.push({ at, keep: 1 - (0.03 + random() * 0.05) });
  }
  const takenDown = random() < TAKEN_DOWN_SHARE;
  const downAt = listedAt + waitMs(random, DAYS_ON_MARKET);
  return { cuts, endsAt: takenDown ? downAt : Infinity };
}

export function createMarket(seed: string) {
  /** Cars are recognised by VIN when known, else by plate. */
  const carKey = (customer: MarketCustomer) =>
    customer.vin ?? `${customer.region}|${customer.state ?? ""}|${customer.rego ?? ""}`;

  function listing(customer: MarketCustomer, at: number, random: Random): SightingRow {
    const vehicle = vehicleForCustomer(customer);
    const seller_type = random() < 0.35 ? "dealer" : "private";
    const age = Math.max(0, new Date(at).getUTCFullYear() - vehicle.year);
    // Roughly 13% depreciation a year; dealers ask more and price to the $990, private sellers round to $500.
    const value =
      vehicle.newPrice * 0.87 ** age * (0.85 + random() * 0.3) * (seller_type === "dealer" ? 1.1 : 1);
    const listing_price = askingPrice(value, seller_type);
    const site = pickWeighted(random, SITES_BY_REGION[customer.region] ?? SITES_BY_REGION.au ?? []);
    return {
      at: isoAt(Math.floor(at / 1000) * 1000),
      lead_id: randomUuid(random),
      listing_url: site(random, vehicle),
      listing_title: `${vehicleTitle(vehicle)}${pick(random, ["", " Auto", ` MY${String(vehicle.year % 100).padStart(2, "0")}`])}`,
      listing_price,
      seller_type,
    };
  }

  /** The span a customer is watched: from when we learned of it (or its start date) to its end date or now. */
  function monitoredSpan(customer: MarketCustomer, now: number): [number, number] {
    const from = Math.max(
      Date.parse(customer.created_at),
      customer.monitor_start_date ? Date.parse(customer.monitor_start_date) : -Infinity,
    );
    const to = Math.min(now, customer.monitor_end_date ? Date.parse(customer.monitor_end_date) : Infinity);
    return [from, to];
  }

  return {
    /**
     * The market's listings of this customer's car while it was monitored, oldest
     * first, as they stood when it was last watched: at the price after the cuts
     * made by then, and without those taken down by then.
     */
    sightings(customer: MarketCustomer, now: number): SightingRow[] {
      const [from, to] = monitoredSpan(customer, now);
      const key = carKey(customer);
      const timeline = seededRandom(seed, "timeline", key);
      const found: SightingRow[] = [];
      for (let at = MARKET_EPOCH, index = 0; ; index++) {
        at += (-Math.log(1 - timeline()) / LISTINGS_PER_YEAR) * YEAR_MS;
        if (at > to) break;
        if (at < from) continue;
        const life = listingLife(seededRandom(seed, "life", key, index), at);
        if (life.endsAt <= to) continue;
        // The lead belongs to this customer; the listing itself is the same for anyone tracking the car.
        const listed = listing(customer, at, seededRandom(seed, "listing", key, customer.id, index));
        let value = listed.listing_price;
        for (const cut of life.cuts) if (cut.at <= to) value *= cut.keep;
        found.push({ ...listed, listing_price: askingPrice(value, listed.seller_type) });
      }
      return found;
    },

    isMonitored(customer: MarketCustomer, now: number): boolean {
      const [from, to] = monitoredSpan(customer, now);
      return from <= now && now <= to;
    },

    /** A listing of the car right now (the control API's "trigger a sighting"). */
    listNow(customer: MarketCustomer, now: number, nonce: number): SightingRow {
      return listing(
        customer,
        now,
        seededRandom(seed, "triggered", carKey(customer), customer.id, now, nonce),
      );
    },
  };
}
