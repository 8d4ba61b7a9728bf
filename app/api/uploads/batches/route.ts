import { readJson, route } from "@/lib/server/http";
import { recordBatch } from "@/lib/server/uploads/register";
import { recordBatchRequestSchema } from "@/lib/uploads/register-schemas";

/** The wizard's last step: the parts it sent, grouped as one file with its counts and rows not sent. */
export const POST = route({ role: "staff" }, async ({ request }) => {
  const batch = await readJson(request, recordBatchRequestSchema);
  return Response.json({ success: true, upload: recordBatch(batch) }, { status: 201 });
});
