import "server-only";
import type { SessionUser } from "@/lib/server/auth/sessions";
import { database } from "@/lib/server/db";
import { joinSentPartsToBatch, selectSentParts } from "@/lib/server/db/sent-part-rows";
import { insertBatch, selectNotSentFile } from "@/lib/server/db/uploads-register";
import { DomainError } from "@/lib/server/domain-error";
import { findRegisteredUpload } from "@/lib/server/uploads/register";
import type { RecordBatchRequest, RegisteredUpload } from "@/lib/uploads/register-schemas";

/**
 * Groups the parts the wizard sent into one register line with the file's
 * counts and its rows not sent. Only parts the dashboard sent, only once the
 * API confirmed them or a check found them upstream, and only by the person
 * who sent them or an administrator. Sending the same batch again (a retry
 * after a lost answer) returns the line already recorded.
 */
export async function recordBatch(
  batch: RecordBatchRequest,
  user: SessionUser,
  now = new Date(),
): Promise<RegisteredUpload> {
  return (await database()).transaction().execute(async (trx) => {
    // Locked, so a second instance grouping the same parts (a retry) waits and then finds them grouped.
    const byId = new Map(
      (await selectSentParts(batch.partIds, trx, { forUpdate: true })).map((part) => [part.id, part]),
    );
    const missing = batch.partIds.find((id) => !byId.has(id));
    if (missing) {
      throw new DomainError(
        "inconsistent",
        "unknown_part",
        `Part ${missing} isn't in the register: send each part through the dashboard first.`,
        { fields: { partIds: "Unknown part" } },
      );
    }
    // In the order given: part 1 of the file first.
    const parts = batch.partIds.map((id) => byId.get(id)!);
    if (user.role !== "admin" && parts.some((part) => part.sent_by_user_id !== user.id)) {
      throw new DomainError(
        "forbidden",
        "not_your_parts",
        "Only the person who sent these parts, or an administrator, can group them.",
      );
    }
    const open = parts.findIndex((part) => part.state !== "queued" && part.state !== "arrived");
    if (open >= 0) {
      throw new DomainError(
        "conflict",
        "part_not_confirmed",
        `Part ${open + 1} isn't confirmed as received by the Recapture API yet, so it can't be grouped.`,
      );
    }
    const batchIds = new Set(parts.map((part) => part.batch_id));
    if (batchIds.size === 1 && !batchIds.has(null))
      return (await findRegisteredUpload(batch.partIds[0]!, trx))!;
    if (parts.some((part) => part.batch_id !== null)) {
      throw new DomainError(
        "conflict",
        "already_recorded",
        "Some of these parts are already recorded as parts of another file.",
      );
    }
    const customers = parts.reduce((sum, part) => sum + part.customers, 0);
    if (customers !== batch.sent) {
      throw new DomainError(
        "inconsistent",
        "counts_mismatch",
        `The parts hold ${customers} customers, but the file's counts say ${batch.sent} were sent.`,
        { fields: { sent: "Doesn't match the parts" } },
      );
    }

    const batchId = await insertBatch(
      {
        name: batch.name,
        file_name: batch.fileName,
        rows_in_file: batch.rowsInFile,
        rows_sent: batch.sent,
        rows_not_sent: batch.notSent,
        not_sent_csv: batch.notSentCsv ?? null,
        recorded_at: now.toISOString(),
      },
      trx,
    );
    await joinSentPartsToBatch(batchId, parts, trx);
    return (await findRegisteredUpload(batch.partIds[0]!, trx))!;
  });
}

/**
 * The rows the wizard did not send for the file a register line came from (by
 * any of its upload ids or part ids), or undefined when there are none.
 */
export async function findNotSentFile(id: string): Promise<{ fileName: string; csv: string } | undefined> {
  const row = await selectNotSentFile(id);
  return row?.not_sent_csv ? { fileName: row.file_name, csv: row.not_sent_csv } : undefined;
}
