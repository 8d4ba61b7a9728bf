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
}

export function createContext(options: EmulatorOptions, store: Store): EmulatorContext {
  const now = options.now ?? Date.now;
  const seed = options.marketSeed ?? DEFAULT_MARKET_SEED;
  const market = createMarket(seed);

  function presentCustomers(rows: CustomerRow[]) {
    const triggered = store.sightingsFor(rows.map((row) => row.id));
    const at = now();
    return rows.map((row) => {
      const sightings: SightingRow[] = [...market.sightings(row, at), ...(triggered.get(row.id) ?? [])];
      return customerJson(
        row,
        sightings.sort((a, b) => a.at.localeCompare(b.at)),
      );
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
  };
}
