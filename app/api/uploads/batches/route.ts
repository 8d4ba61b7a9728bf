import { DEFAULT_MAX_FILE_BYTES } from "@/lib/csv/decode";
import { readJson, route } from "@/lib/server/http";
import { audited } from "@/lib/server/audit";
import { recordBatch } from "@/lib/server/uploads/batches";
import { recordBatchRequestSchema } from "@/lib/uploads/register-schemas";

// Every row of the largest file the wizard accepts may come back as not sent, plus its
// `problem` column and JSON escaping, so twice the file limit.
const MAX_BATCH_BYTES = 2 * DEFAULT_MAX_FILE_BYTES;

/** The wizard's last step: the parts it sent, grouped as one file with its counts and rows not sent. */
export const POST = route({ role: "staff" }, async ({ request, user }) => {
  const batch = await readJson(request, recordBatchRequestSchema, { maxBytes: MAX_BATCH_BYTES });
  const upload = await audited(user, "upload.group", batch.name, () => recordBatch(batch, user));
  return Response.json({ success: true, upload }, { status: 201 });
});
