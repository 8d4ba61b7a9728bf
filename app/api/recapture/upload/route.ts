import { uploadRequestSchema } from "@/lib/recapture/schemas";
import { env } from "@/lib/server/env";
import { HttpError, readJson, route } from "@/lib/server/http";
import { requestRegion } from "@/lib/server/proxy";
import { recapture } from "@/lib/server/recapture";
import { partIdFrom } from "@/lib/server/uploads/part-id";
import { sendUploadPart } from "@/lib/server/uploads/send-part";
import { formatCount } from "@/lib/format";

// A generous allowance per customer (rego, VIN, ids, dates and a few additional fields).
const BYTES_PER_CUSTOMER = 2_048;

export const POST = route({ role: "staff" }, async ({ request, user }) => {
  const region = requestRegion(request);
  const maxCustomers = env().RECAPTURE_MAX_UPLOAD_CUSTOMERS;
  const body = await readJson(request, uploadRequestSchema, { maxBytes: maxCustomers * BYTES_PER_CUSTOMER });
  if (body.customers.length > maxCustomers) {
    throw new HttpError(
      413,
      "too_many_customers",
      `One upload can hold at most ${formatCount(maxCustomers)} customers; this one has ${formatCount(body.customers.length)}. Split it into parts.`,
    );
  }
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
