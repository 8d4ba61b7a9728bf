import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/queries/api";
import { uploadResponseSchema } from "@/lib/recapture/schemas";

/**
 * Queues one upload (one part of a file) through the proxy. The body is the upload
 * request already serialised by the wizard's worker, so a 50,000-customer part is
 * never stringified on the page's thread. Not retried: a write that timed out may
 * still have been queued, and the wizard lets the person decide.
 */
export function useSendUploadPart() {
  return useMutation({
    mutationFn: (body: string) =>
      apiFetch("/api/recapture/upload", { method: "POST", body }, uploadResponseSchema),
  });
}
