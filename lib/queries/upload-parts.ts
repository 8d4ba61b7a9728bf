import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/queries/api";
import { uploadQueries } from "@/lib/queries/uploads";
import { uploadResponseSchema } from "@/lib/recapture/schemas";
import { sentPartResponseSchema, type SentPart } from "@/lib/uploads/register-schemas";

const sentPartUrl = (partId: string) => `/api/uploads/parts/${encodeURIComponent(partId)}`;

/**
 * Queues one upload (one part of a file) through the proxy. The body is the upload
 * request already serialised by the wizard's worker, so a 50,000-customer part is
 * never stringified on the page's thread. The part's own id goes as the
 * Idempotency-Key: the server records it before sending and refuses to send a part
 * that may already be queued. Not retried here: after an ambiguous failure the
 * wizard asks where the part stands instead.
 */
export function useSendUploadPart() {
  return useMutation({
    mutationFn: ({ body, partId }: { body: string; partId: string }) =>
      apiFetch(
        "/api/recapture/upload",
        { method: "POST", body, headers: { "Idempotency-Key": partId } },
        uploadResponseSchema,
      ),
  });
}

/** Where a part stands in the register (404: the dashboard never received it). */
export async function readSentPart(partId: string): Promise<SentPart> {
  return (await apiFetch(sentPartUrl(partId), undefined, sentPartResponseSchema)).part;
}

/** Asks the dashboard to look upstream for a part that isn't confirmed; answers the part as it then stands. */
export async function checkSentPart(partId: string): Promise<SentPart> {
  return (await apiFetch(`${sentPartUrl(partId)}/check`, { method: "POST" }, sentPartResponseSchema)).part;
}

/** The register's "Check again": the line and the list are read again afterwards. */
export function useCheckSentPart() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: checkSentPart,
    onSettled: () => queryClient.invalidateQueries({ queryKey: uploadQueries.all() }),
  });
}
