import type { Generated } from "kysely";
import type { Role } from "@/lib/auth/roles";
import type { LeadEventKind, LeadStatus, LostReason } from "@/lib/leads/lead-status";
import type { MailKind } from "@/lib/notifications/mail-message";
import type { Region } from "@/lib/recapture/regions";
import type { RegisteredUpload } from "@/lib/uploads/register-schemas";
import type { SentPartState } from "@/lib/uploads/sent-part-state";

/**
 * The dashboard's tables as Kysely sees them, one interface per table (their
 * history is in ./migrations). Times are ISO 8601 text in UTC and flags are
 * 0/1 integers on both engines, so values read the same from SQLite and
 * PostgreSQL.
 */
export interface Tables {
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  upload_batches: UploadBatchesTable;
  uploads: UploadsTable;
  sent_parts: SentPartsTable;
  sign_in_attempts: SignInAttemptsTable;
  leases: LeasesTable;
  column_mappings: ColumnMappingsTable;
  indexed_customers: IndexedCustomersTable;
  indexed_sightings: IndexedSightingsTable;
  indexed_customer_terms: IndexedCustomerTermsTable;
  indexed_customer_reads: IndexedCustomerReadsTable;
  indexed_customer_deletions: IndexedCustomerDeletionsTable;
  indexed_uploads: IndexedUploadsTable;
  customer_sync: CustomerSyncTable;
  leads: LeadsTable;
  lead_prices: LeadPricesTable;
  lead_events: LeadEventsTable;
  user_preferences: UserPreferencesTable;
  outbox: OutboxTable;
  lead_digests: LeadDigestsTable;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string | null;
  role: Role;
  password_hash: string;
  disabled: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  user_email: string | null;
  action: string;
  target: string | null;
  outcome: "success" | "failure";
  detail: string | null;
  repeats: Generated<number>;
  summary_key: string | null;
}

export interface UploadBatchesTable {
  id: Generated<number>;
  name: string;
  file_name: string;
  rows_in_file: number;
  rows_sent: number;
  rows_not_sent: number;
  not_sent_csv: string | null;
  recorded_at: string;
}

export interface UploadsTable {
  id: string;
  region: Region;
  name: string | null;
  enable_rego_lookups: number;
  created_at: string;
  source: RegisteredUpload["source"];
  recorded_by_user_id: number | null;
  recorded_by_email: string | null;
  recorded_by_name: string | null;
  recorded_at: string;
  batch_id: number | null;
  part_number: Generated<number>;
  total_uploaded: number;
  total_processed: number;
  total_errors: number;
  checked_at: string;
  cancelled_at: string | null;
  cancelled_by_user_id: number | null;
  cancelled_by_email: string | null;
  cancelled_by_name: string | null;
}

export interface SentPartsTable {
  id: string;
  region: Region;
  name: string;
  customers: number;
  state: SentPartState;
  reason: string | null;
  finding: string | null;
  customers_found: number | null;
  upload_id: string | null;
  batch_id: number | null;
  part_number: Generated<number>;
  sent_by_user_id: number;
  sent_by_email: string;
  sent_by_name: string | null;
  sent_at: string;
  answer_due_by: string;
  checked_at: string | null;
}

/** Times in milliseconds since 1970. */
export interface SignInAttemptsTable {
  id: Generated<number>;
  key: string;
  reservation: string;
  at: number;
  expires_at: number;
}

export interface LeasesTable {
  name: string;
  holder: string;
  expires_at: number;
}

/** `mapping` is JSON: one ColumnMapping (lib/csv) per column of the headers hashed. */
export interface ColumnMappingsTable {
  headers_hash: string;
  column_count: number;
  mapping: string;
  saved_by_user_id: number | null;
  saved_by_email: string;
  saved_by_name: string | null;
  saved_at: string;
}

export interface IndexedCustomersTable {
  key: Generated<number>;
  region: Region;
  id: string;
  rego: string | null;
  rego_normalised: string | null;
  state: string | null;
  vin: string | null;
  external_id: string | null;
  upload_id: string | null;
  sale_date: string | null;
  monitor_start_date: string | null;
  monitor_end_date: string | null;
  vehicle_title: string | null;
  /** JSON text of the API's map, or null. */
  additional_fields: string | null;
  last_updated: string;
  sightings: number;
  newest_sighting_at: string | null;
  newest_seller_type: "private" | "dealer" | null;
  fingerprint: string;
  upload_pass: number | null;
  indexed_at: string;
}

export interface IndexedSightingsTable {
  lead_id: string;
  customer_key: number;
  at: string;
  listing_url: string | null;
  listing_title: string | null;
  listing_price: number | null;
  seller_type: "private" | "dealer" | null;
}

export interface IndexedCustomerTermsTable {
  region: Region;
  term: string;
  customer_key: number;
}

export interface IndexedCustomerReadsTable {
  customer_key: number;
  pass: number;
}

export interface IndexedCustomerDeletionsTable {
  region: Region;
  id: string;
  deleted_at: string;
}

export interface IndexedUploadsTable {
  region: Region;
  upload_id: string;
  noted_at: string;
  walked_at: string | null;
  finished: Generated<number>;
}

export interface CustomerSyncTable {
  region: Region;
  status: "idle" | "running" | "failed" | "interrupted";
  pass: number;
  started_at: string | null;
  heartbeat_at: string | null;
  finished_at: string | null;
  complete_pass: number | null;
  completed_at: string | null;
  customers_done: Generated<number>;
  customers_total: number | null;
  last_error: string | null;
  failed_at: string | null;
  retry_at: string | null;
  failures: Generated<number>;
  requested_at: string | null;
}

export interface LeadsTable {
  key: Generated<number>;
  region: Region;
  lead_id: string;
  /** The customer the lead was last seen under (indexed_customers.id); it may have left the index since. */
  customer_id: string;
  /** The sighting's `at`: when the market listed it. */
  listed_at: string;
  /** When the dashboard first saw it: the inbox's order. */
  first_seen_at: string;
  /** The latest read that found it among its customer's sightings. */
  last_seen_at: string;
  /** Null while listed. */
  no_longer_listed_at: string | null;
  listing_url: string | null;
  listing_title: string | null;
  seller_type: "private" | "dealer" | null;
  first_price: number | null;
  price: number | null;
  price_changed_at: string | null;
  status: Generated<LeadStatus>;
  /** Set when status is "lost". */
  lost_reason: LostReason | null;
  assignee_user_id: number | null;
  status_changed_at: string;
  first_contacted_at: string | null;
}

export interface LeadPricesTable {
  id: Generated<number>;
  lead_key: number;
  price: number;
  seen_at: string;
}

export interface LeadEventsTable {
  id: Generated<number>;
  lead_key: number;
  at: string;
  kind: LeadEventKind;
  /** Null for what the sync recorded. */
  actor_user_id: number | null;
  /** JSON text of the event's details, or null. */
  data: string | null;
}

/** `value` is JSON, of the shape lib/preferences gives the preference `name`. */
export interface UserPreferencesTable {
  user_id: number;
  name: string;
  value: string;
  updated_at: string;
}

/** One email to one person; neither sent_at nor error: waiting in the outbox. */
export interface OutboxTable {
  id: Generated<number>;
  recipient: string;
  subject: string;
  text: string;
  html: string | null;
  kind: MailKind;
  created_at: string;
  sent_at: string | null;
  error: string | null;
}

/** A day's digest to managers, claimed once: `day` is yyyy-mm-dd in the dealership's time zone. */
export interface LeadDigestsTable {
  day: string;
  covered_from: string;
  covered_until: string;
  new_leads: number;
  price_drops: number;
}
