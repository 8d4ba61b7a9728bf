import { uploadRequestSchema } from "@/lib/recapture/schemas";
import { env } from "@/lib/server/env";
import {
  HttpError,
  largeUploadSlots,
  readJsonList,
  requestRegion,
  route,
  type RouteOptions,
} from "@/lib/server/http";
import { recapture } from "@/lib/server/recapture";
import { partIdFrom } from "@/lib/server/uploads/idempotency-key";
import { sendUploadPart } from "@/lib/server/uploads/send-part";
import { formatCount } from "@/lib/format";

// A generous allowance per customer (rego, VIN, ids, dates and a few additional fields).
const BYTES_PER_CUSTOMER = 2_048;

const tooManyCustomers = (maxCustomers: number) =>
  new HttpError(
    413,
    "too_many_customers",
    `One upload can hold at most ${formatCount(maxCustomers)} customers; this one has more. Split it into parts.`,
  );

// A few uploads bigger than a form are read at a time (429 beyond); each counts in the person's share.
const options: RouteOptions = { role: "staff", proxied: true, bodySlots: largeUploadSlots };

export const POST = route(options, async ({ request, user }) => {
  const region = requestRegion(request);
  const maxCustomers = env().RECAPTURE_MAX_UPLOAD_CUSTOMERS;
  // Counted as the body arrives: a list that is too long is refused before any customer is parsed.
  const body = await readJsonList(request, uploadRequestSchema, {
    list: "customers",
    maxItems: maxCustomers,
    maxBytes: maxCustomers * BYTES_PER_CUSTOMER,
    tooMany: () => tooManyCustomers(maxCustomers),
  });
  // The part's id (Idempotency-Key) is recorded before anything leaves; see sendUploadPart.
  const partId = partIdFrom(request);
  const upload = await sendUploadPart({
    partId,
    body,
    region: region ?? env().RECAPTURE_REGION,
    user,
    client: recapture(),
    timeoutMs: env().RECAPTURE_TIMEOUT_MS,
  });
  return Response.json({ success: true, upload }, { status: 202, headers: { "Idempotency-Key": partId } });
});
