import type { Migration } from "./migration";

/**
 * Leads: each sighting of a customer's car, keyed by the API's `lead_id`,
 * worked from New to an outcome. The sync records what happens to the listing
 * (seen, price change, no longer listed, listed again; lib/server/db/leads.ts),
 * people record status, assignment and notes; every change is an event.
 *
 * Sized for 30,000 leads among 100,000 customers: the /leads page reads one
 * index in its order (newest first, whole or by status or by assignee) and
 * stops at the page's end; the overview's figures are range scans.
 *
 * Status, reason and event kind are checked by the code, not by CHECK
 * constraints, which SQLite can only change by rebuilding the table.
 */
export const leadsMigration: Migration = {
  name: "leads, their prices and their history",
  sql: (words) => `
    -- customer_id: the customer the lead was last seen under, joined to indexed_customers on (region, id) for
    -- the customer's details; a lead outlives its customer leaving the index (the dealership's record).
    -- (Not the customer's key: SQLite may give a deleted customer's key to the next one.)
    -- listed_at: the sighting's "at", when the market listed it. first_seen_at: when the dashboard first saw it,
    -- the inbox's order. last_seen_at: the latest read that found it listed. no_longer_listed_at: set when it
    -- drops out of its customer's sightings, cleared if it comes back.
    -- price, first_price: the asking price now and when first seen; price_changed_at: the latest change.
    -- status_changed_at: when status last changed (first_seen_at to begin with); first_contacted_at: the first
    -- move from New to any other status but Dismissed.
    CREATE TABLE leads (
      key ${words.autoId},
      region TEXT NOT NULL,
      lead_id TEXT ${words.binary} NOT NULL,
      customer_id TEXT ${words.binary} NOT NULL,
      listed_at TEXT ${words.binary} NOT NULL,
      first_seen_at TEXT ${words.binary} NOT NULL,
      last_seen_at TEXT NOT NULL,
      no_longer_listed_at TEXT ${words.binary},
      listing_url TEXT,
      listing_title TEXT,
      seller_type TEXT,
      first_price DOUBLE PRECISION,
      price DOUBLE PRECISION,
      price_changed_at TEXT ${words.binary},
      status TEXT NOT NULL DEFAULT 'new',
      lost_reason TEXT,
      assignee_user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
      status_changed_at TEXT ${words.binary} NOT NULL,
      first_contacted_at TEXT ${words.binary}
    );
    CREATE UNIQUE INDEX leads_lead_id ON leads (region, lead_id);
    -- The inbox, newest first, whole and by status or assignee (null: nobody). Status rides along so
    -- "first seen per week, by outcome" is read from the index alone.
    CREATE INDEX leads_first_seen ON leads (region, first_seen_at, key, status);
    CREATE INDEX leads_status ON leads (region, status, first_seen_at, key);
    CREATE INDEX leads_assignee ON leads (region, assignee_user_id, first_seen_at, key);
    -- A customer's leads: the sync's comparison, and a lead page's "other sightings".
    CREATE INDEX leads_customer ON leads (region, customer_id);
    -- Won this month, lost, dismissed: outcomes by when they were reached.
    CREATE INDEX leads_status_changed ON leads (region, status, status_changed_at);
    -- Time to first contact (from the index alone), and price drops since the last digest.
    CREATE INDEX leads_first_contacted ON leads (region, first_contacted_at, first_seen_at);
    CREATE INDEX leads_price_changed ON leads (region, price_changed_at);

    -- Every asking price a lead has had, from its first.
    CREATE TABLE lead_prices (
      id ${words.autoId},
      lead_key INTEGER NOT NULL REFERENCES leads (key) ON DELETE CASCADE,
      price DOUBLE PRECISION NOT NULL,
      seen_at TEXT NOT NULL
    );
    CREATE INDEX lead_prices_lead ON lead_prices (lead_key, seen_at);

    -- A lead's history: kind seen, price_change, delisted, relisted (by the sync: actor null), status,
    -- assignment, note (by a person). data: JSON of the details (prices, from and to, a note's text).
    CREATE TABLE lead_events (
      id ${words.autoId},
      lead_key INTEGER NOT NULL REFERENCES leads (key) ON DELETE CASCADE,
      at TEXT ${words.binary} NOT NULL,
      kind TEXT NOT NULL,
      actor_user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
      data TEXT
    );
    CREATE INDEX lead_events_lead ON lead_events (lead_key, at, id);
    CREATE INDEX lead_events_kind ON lead_events (kind, at);

    -- The sightings already in the customer index become leads, first seen when they were listed, so the
    -- first sync after this doesn't report every one of them as new today.
    INSERT INTO leads (region, lead_id, customer_id, listed_at, first_seen_at, last_seen_at, listing_url,
        listing_title, seller_type, first_price, price, status, status_changed_at)
      SELECT c.region, s.lead_id, c.id, s.at, s.at, c.indexed_at, s.listing_url, s.listing_title, s.seller_type,
          s.listing_price, s.listing_price, 'new', s.at
        FROM indexed_sightings s JOIN indexed_customers c ON c.key = s.customer_key;
    INSERT INTO lead_prices (lead_key, price, seen_at)
      SELECT key, price, first_seen_at FROM leads WHERE price IS NOT NULL;
    INSERT INTO lead_events (lead_key, at, kind, data)
      SELECT key, first_seen_at, 'seen', NULL FROM leads;
  `,
};
