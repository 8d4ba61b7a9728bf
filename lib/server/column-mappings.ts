import "server-only";
import { createHash } from "node:crypto";
import { mappingSignature, restoreMapping, type ColumnMapping } from "@/lib/csv/column-mapping";
import type { SessionUser } from "@/lib/server/auth/sessions";
import { findColumnMapping, saveColumnMapping } from "@/lib/server/db/column-mappings";
import type { SharedColumnMapping } from "@/lib/uploads/column-mapping-schemas";

/**
 * Column mappings shared by everyone in the dealership: whoever drops a file whose
 * headers match (ignoring case, punctuation and spacing; see mappingSignature) starts
 * from the columns the last person chose for them.
 */

function headersHash(headers: readonly string[]): string {
  return createHash("sha256").update(mappingSignature(headers)).digest("hex");
}

function parsed(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/** The mapping saved for these headers, if any is and it still fits them. */
export async function findSharedMapping(headers: readonly string[]): Promise<SharedColumnMapping | null> {
  const row = await findColumnMapping(headersHash(headers));
  const mapping = row && restoreMapping(headers, parsed(row.mapping));
  if (!row || !mapping) return null;
  return { mapping, savedBy: { email: row.savedBy.email, name: row.savedBy.name }, savedAt: row.savedAt };
}

export async function shareMapping(
  headers: readonly string[],
  mapping: readonly ColumnMapping[],
  user: SessionUser,
  now = new Date(),
): Promise<SharedColumnMapping> {
  const savedAt = now.toISOString();
  await saveColumnMapping({
    headersHash: headersHash(headers),
    columnCount: headers.length,
    mapping: JSON.stringify(mapping),
    savedBy: { userId: user.id, email: user.email, name: user.name },
    savedAt,
  });
  return { mapping: [...mapping], savedBy: { email: user.email, name: user.name }, savedAt };
}
