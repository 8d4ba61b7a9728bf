/**
 * One change to the schema. Never edit a migration that has shipped; add a new one
 * at the end of the list in ./index.ts.
 *
 * Times are ISO 8601 strings in UTC and ids are plain integers or text, so the
 * same statements translate directly to PostgreSQL.
 */
export interface Migration {
  name: string;
  sql: string;
}
