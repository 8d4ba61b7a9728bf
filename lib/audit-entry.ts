/** One line of the audit log, as the server stores it and the audit page shows it. */
export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  userEmail: string | null;
  action: string;
  target: string | null;
  outcome: "success" | "failure";
  detail: string | null;
  /** How many events the row stands for: more than 1 only for a summary. */
  repeats: number;
}
