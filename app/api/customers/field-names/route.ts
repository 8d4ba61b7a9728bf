import type { FieldNamesResponse } from "@/lib/customer-index/field-names";
import { additionalFieldNames } from "@/lib/server/db/additional-field-names";
import { env } from "@/lib/server/env";
import { requestRegion, route } from "@/lib/server/http";

/** The additional fields the dealership's customers have, most common first: the table's optional columns. */
export const GET = route({ role: "viewer" }, async ({ request }) =>
  Response.json({
    names: await additionalFieldNames(requestRegion(request) ?? env().RECAPTURE_REGION),
  } satisfies FieldNamesResponse),
);
