import { createAccounts, type Accounts } from "./accounts";
import { customerJson } from "./customer";
import { createFaults, type Faults } from "./faults";
import { createJournal, type Journal } from "./journal";
import { createMarket, type Market } from "./market";
import { DEFAULT_MARKET_SEED, DEFAULT_RATE_LIMIT_PER_MINUTE, type EmulatorOptions } from "./options";
import { createProcessor, type Processor } from "./processor";
import { createRateLimiter, type RateLimiter } from "./rate-limit";
import type { CustomerRow, SightingRow, Store } from "./store";

/** Everything a request handler may need, built once per emulator. */
export interface EmulatorContext {
  options: EmulatorOptions;
  now: () => number;
  store: Store;
  accounts: Accounts;
  market: Market;
  processor: Processor;
  faults: Faults;
  rateLimiter: RateLimiter;
  journal: Journal;
  /** Customers as the API returns them, with their sightings as of now. */
  presentCustomers(rows: CustomerRow[]): ReturnType<typeof customerJson>[];
  /** A customer's sightings as of now, before the control API's changes (to find a lead it may change). */
  unchangedSightings(row: CustomerRow): SightingRow[];
}

export function createContext(options: EmulatorOptions, store: Store): EmulatorContext {
  const now = options.now ?? Date.now;
  const seed = options.marketSeed ?? DEFAULT_MARKET_SEED;
  const market = createMarket(seed);

  function sightingsOf(row: CustomerRow, at: number, triggered: SightingRow[] = []): SightingRow[] {
    return [...market.sightings(row, at), ...triggered].sort((a, b) => a.at.localeCompare(b.at));
  }

  function presentCustomers(rows: CustomerRow[]) {
    const ids = rows.map((row) => row.id);
    const triggered = store.sightingsFor(ids);
    const changes = store.sightingChangesFor(ids);
    const at = now();
    return rows.map((row) => {
      const changed = changes.get(row.id);
      const sightings = sightingsOf(row, at, triggered.get(row.id)).flatMap((sighting) => {
        const change = changed?.get(sighting.lead_id);
        if (!change) return [sighting];
        if (change.taken_down) return [];
        return [{ ...sighting, listing_price: change.listing_price ?? sighting.listing_price }];
      });
      return customerJson(row, sightings);
    });
  }

  return {
    options,
    now,
    store,
    accounts: createAccounts(options.apiKeys),
    market,
    processor: createProcessor({ store, processRate: options.processRate, now }),
    faults: createFaults(options.faults ?? {}, seed, now),
    rateLimiter: createRateLimiter(options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE, now),
    journal: createJournal(),
    presentCustomers,
    unchangedSightings: (row) => sightingsOf(row, now(), store.sightingsFor([row.id]).get(row.id)),
  };
}
