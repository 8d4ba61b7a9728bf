import type { Migration } from "./migration";

/**
 * State that several instances of the dashboard share once they use one
 * PostgreSQL: the sign-in throttle's attempts (counted across instances) and
 * the leases under which one instance at a time runs each background job.
 * Times here are milliseconds since 1970 (BIGINT), compared as numbers.
 */
export const sharedStateMigration: Migration = {
  name: "sign-in attempts and job leases shared by instances",
  sql: (words) => `
    -- One row per attempt counted against a key (an address, an account…) until it expires or is released.
    CREATE TABLE sign_in_attempts (
      id ${words.autoId},
      key TEXT NOT NULL,
      reservation TEXT NOT NULL,
      at BIGINT NOT NULL,
      expires_at BIGINT NOT NULL
    );
    CREATE INDEX sign_in_attempts_key ON sign_in_attempts (key, at);
    CREATE INDEX sign_in_attempts_reservation ON sign_in_attempts (reservation);
    CREATE INDEX sign_in_attempts_expires_at ON sign_in_attempts (expires_at);

    -- A background job runs on the instance holding its lease; another takes it once the lease expires.
    CREATE TABLE leases (
      name TEXT PRIMARY KEY,
      holder TEXT NOT NULL,
      expires_at BIGINT NOT NULL
    );
  `,
};
