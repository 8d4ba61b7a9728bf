import { readJson, route } from "@/lib/server/http";
import { audited } from "@/lib/server/audit";
import { shareMapping } from "@/lib/server/column-mappings";
import { saveColumnMappingRequestSchema } from "@/lib/uploads/column-mapping-schemas";

// "12 columns: Customer No, Rego No., State…": enough for the audit log to say which file.
function describeHeaders(headers: readonly string[]): string {
  const first = headers.slice(0, 3).map((header) => header.trim().slice(0, 40) || "(blank)");
  return `${headers.length} columns: ${first.join(", ")}${headers.length > 3 ? "…" : ""}`;
}

/** The wizard's "Check the rows": the columns chosen for these headers, offered to everyone from now on. */
export const PUT = route({ role: "staff" }, async ({ request, user }) => {
  const { headers, mapping } = await readJson(request, saveColumnMappingRequestSchema);
  const saved = await audited(user, "column_mapping.save", describeHeaders(headers), () =>
    shareMapping(headers, mapping, user),
  );
  return Response.json({ success: true, saved });
});
