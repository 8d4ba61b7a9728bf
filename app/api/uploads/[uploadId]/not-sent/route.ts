import { uploadIdSchema } from "@/lib/recapture/schemas";
import { HttpError, pathId, route } from "@/lib/server/http";
import { findNotSentFile } from "@/lib/server/uploads/batches";
import { formulaSafeCsv } from "@/lib/csv/formulae";
import { notSentFileName } from "@/lib/csv/not-sent";

type Params = { uploadId: string };

/**
 * The rows the wizard did not send, as the CSV it built (original columns plus `problem`),
 * written again here so formula-looking cells are neutralised whatever the browser sent.
 */
export const GET = route<Params>({ role: "viewer" }, async ({ params }) => {
  const file = await findNotSentFile(pathId(uploadIdSchema, params.uploadId, "upload"));
  if (!file)
    throw new HttpError(
      404,
      "not_found",
      "Every row of this file was sent, so there is no file of rows not sent.",
    );
  const name = notSentFileName(file.fileName);
  return new Response(formulaSafeCsv(file.csv), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      // The plain name for old browsers, the exact one (accents and all) for the rest.
      "Content-Disposition": `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "private, no-store",
    },
  });
});
