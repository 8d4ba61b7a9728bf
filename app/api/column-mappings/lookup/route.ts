import { readJson, route } from "@/lib/server/http";
import { findSharedMapping } from "@/lib/server/column-mappings";
import { findColumnMappingRequestSchema } from "@/lib/uploads/column-mapping-schemas";

/**
 * The mapping saved for a file's headers, if anyone saved one. A POST, as the headers of a
 * wide export don't fit a URL; it reads and changes nothing.
 */
export const POST = route({ role: "staff" }, async ({ request }) => {
  const { headers } = await readJson(request, findColumnMappingRequestSchema);
  return Response.json({ success: true, saved: await findSharedMapping(headers) });
});
