import { Hono, type Context } from "hono";
import { checkMonitorWindow, parseDates, uploadJson } from "./customer";
import type { EmulatorContext } from "./context";
import { isoAt } from "./dates";
import { ApiError, readBody, uuidOrUndefined, type ApiEnv } from "./http";
import { uploadBodySchema } from "./schemas";
import type { UploadRow } from "./store";

const EMPTY_UPLOAD = "You must upload at least one customer";
export const INVALID_UPLOAD_ID = "Invalid Upload ID";

/** /v2/recapture/upload: queue a customer list, check on it, cancel it. */
export function uploadRoutes(ctx: EmulatorContext) {
  const { store, processor } = ctx;

  /** The caller's upload in this region; the reference is silent here, so the wording mirrors the customer errors. */
  function findUpload(c: Context<ApiEnv>): UploadRow {
    const id = uuidOrUndefined(c.req.param("id"));
    const upload = id === undefined ? undefined : store.getUpload(id);
    if (!upload) throw new ApiError(404, INVALID_UPLOAD_ID);
    if (upload.account !== c.var.account)
      throw new ApiError(403, "You don't have permission to access that upload");
    if (upload.region !== c.var.region) throw new ApiError(404, INVALID_UPLOAD_ID);
    return upload;
  }

  return new Hono<ApiEnv>()
    .post("/", async (c) => {
      const body = await readBody(c, uploadBodySchema);
      if (!body.customers?.length) throw new ApiError(400, EMPTY_UPLOAD);
      const window = parseDates(body, ["monitor_start_date", "monitor_end_date"] as const);
      if (!window.ok) throw new ApiError(400, window.message);
      const windowProblem = checkMonitorWindow(window.dates);
      if (windowProblem) throw new ApiError(400, windowProblem);

      const upload: UploadRow = {
        id: crypto.randomUUID(),
        account: c.var.account,
        region: c.var.region,
        name: body.name?.trim() || "Untitled upload",
        enable_rego_lookups: body.enable_rego_lookups ? 1 : 0,
        ...window.dates,
        created_at: isoAt(ctx.now()),
        total_uploaded_customers: body.customers.length,
        total_processed_customers: 0,
        total_errors: 0,
        status: "queued",
      };
      // Stored as received (shape already checked); the processor decides what each row means.
      store.queueUpload(
        upload,
        body.customers.map((customer) => JSON.stringify(customer)),
      );
      processor.wake();
      return c.json({ success: true, upload: uploadJson(upload) }, 202);
    })
    .get("/:id", (c) => c.json({ success: true, upload: uploadJson(findUpload(c)) }))
    .delete("/:id", (c) => {
      const upload = findUpload(c);
      // Cancelling a finished or already cancelled upload changes nothing and still answers with it.
      if (upload.status === "queued") store.cancelUpload(upload.id);
      return c.json({ success: true, upload: uploadJson(store.getUpload(upload.id) ?? upload) });
    });
}
