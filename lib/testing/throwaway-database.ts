import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * A new, empty PostgreSQL database on the server `serverUrl` names, for one
 * run of a spec or a benchmark that starts whole dashboards on it (they each
 * migrate it, as instances of one deployment do). `drop()` removes it, closing
 * any connection a killed instance left behind.
 */
export interface ThrowawayDatabase {
  /** A DATABASE_URL for the new database. */
  url: string;
  drop(): Promise<void>;
}

export async function createThrowawayDatabase(serverUrl: string, prefix: string): Promise<ThrowawayDatabase> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** One short connection to the server for each statement (CREATE and DROP DATABASE refuse a transaction). */
async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
