import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError, apiFetch, retryUnlessClientError } from "@/lib/queries/api";
import { uploadResponseSchema, type Upload } from "@/lib/recapture/schemas";
import { LIST_POLL_MS, pollInterval, reconnectDelay } from "@/lib/uploads/polling";
import { countersOf, isFinished, uploadState } from "@/lib/uploads/progress";
import {
  registerPageSchema,
  registeredUploadResponseSchema,
  type RecordBatchRequest,
  type RegisterPageQuery,
  type TrackUploadRequest,
  type UploadPart,
} from "@/lib/uploads/register-schemas";

const REGISTER_URL = "/api/uploads";
const SENDING_POLL_MS = 3_000;

const registeredUploadUrl = (uploadId: string) => `${REGISTER_URL}/${encodeURIComponent(uploadId)}`;
const liveUploadUrl = ({ id, region }: UploadPart) =>
  `/api/recapture/upload/${encodeURIComponent(id)}?${new URLSearchParams({ region })}`;

const isHidden = () => typeof document !== "undefined" && document.visibilityState === "hidden";

/** Where the rows the wizard did not send can be downloaded. */
export const notSentFileUrl = (uploadId: string) => `${registeredUploadUrl(uploadId)}/not-sent`;

/**
 * A failure retrying won't fix: the session ended, or the API doesn't know the
 * upload. Anything else (the network, our server, the Recapture API down or
 * busy) says nothing about the upload itself, so progress keeps trying.
 */
export function isLastingFailure(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429;
}

/** Query keys and options for the register and live progress, from general to specific. */
export const uploadQueries = {
  all: () => ["uploads"] as const,
  registerPages: () => [...uploadQueries.all(), "register"] as const,
  registerPage: (query: RegisterPageQuery) =>
    queryOptions({
      queryKey: [...uploadQueries.registerPages(), query] as const,
      queryFn: ({ signal }) =>
        apiFetch(
          `${REGISTER_URL}?${new URLSearchParams({ page: String(query.page), pageSize: String(query.pageSize) })}`,
          { signal },
          registerPageSchema,
        ),
      placeholderData: keepPreviousData,
      retry: retryUnlessClientError,
      // A part being sent settles within the API's timeout: read again until it has.
      refetchInterval: (query) =>
        query.state.data?.uploads.some((upload) => upload.sentParts.some((part) => part.state === "sending"))
          ? SENDING_POLL_MS
          : false,
    }),
  registered: () => [...uploadQueries.all(), "registered"] as const,
  /** The register line holding an upload, with all parts of its file. */
  registeredUpload: (uploadId: string) =>
    queryOptions({
      queryKey: [...uploadQueries.registered(), uploadId] as const,
      queryFn: async ({ signal }) =>
        (await apiFetch(registeredUploadUrl(uploadId), { signal }, registeredUploadResponseSchema)).upload,
      retry: retryUnlessClientError,
      // Read again now and then while a part runs, so a cancel made on another computer shows here too.
      refetchInterval: (query) =>
        pollInterval({
          finished:
            (query.state.data?.parts.every((part) =>
              isFinished(uploadState(part, part.cancelledAt !== null)),
            ) ??
              true) &&
            !query.state.data?.sentParts.some((part) => part.state === "sending"),
          hidden: isHidden(),
          activeMs: LIST_POLL_MS,
        }),
    }),
  live: () => [...uploadQueries.all(), "live"] as const,
  /**
   * One part's counters straight from the Recapture API (the proxy also
   * records them in the register), polled about every second (or `activeMs`)
   * while the part is moving, slower in a hidden tab, not at all once it is
   * complete or cancelled. The register's counters show until the first
   * answer; connection failures are retried without end, backing off, while
   * the last numbers stay on screen.
   */
  liveUpload: (part: UploadPart, options: { activeMs?: number } = {}) => {
    const cancelled = part.cancelledAt !== null;
    const finished = (upload: Upload) => isFinished(uploadState(countersOf(upload), cancelled));
    return queryOptions({
      queryKey: [...uploadQueries.live(), part.id] as const,
      queryFn: async ({ signal }) =>
        (await apiFetch(liveUploadUrl(part), { signal }, uploadResponseSchema)).upload,
      initialData: lastKnownUpload(part),
      initialDataUpdatedAt: Date.parse(part.checkedAt),
      // A complete upload can't change; a cancelled one is read once more in case a last batch landed.
      staleTime: finished(lastKnownUpload(part)) && !cancelled ? Infinity : 0,
      retry: (_failures, error) => !isLastingFailure(error),
      retryDelay: (failures) => reconnectDelay(failures - 1),
      refetchInterval: (query) =>
        pollInterval({
          finished:
            (query.state.status === "error" && isLastingFailure(query.state.error)) ||
            finished(query.state.data ?? lastKnownUpload(part)),
          hidden: isHidden(),
          activeMs: options.activeMs,
        }),
      refetchIntervalInBackground: true,
      // Coming back to the tab shows fresh numbers at once instead of after the slow hidden-tab interval.
      refetchOnWindowFocus: true,
    });
  },
};

/** The register's counters for a part in the API's shape: what the page shows before its first live answer. */
export function lastKnownUpload(part: UploadPart): Upload {
  return {
    id: part.id,
    created_at: part.createdAt,
    enable_rego_lookups: part.enableRegoLookups,
    name: part.name,
    total_uploaded_customers: part.totalUploaded,
    total_processed_customers: part.totalProcessed,
    total_errors: part.totalErrors,
  };
}

/**
 * Cancels every part of a file that is still running, one after another so a
 * failure leaves a clear picture. The register records who cancelled each.
 */
export function useCancelUpload(uploadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (parts: UploadPart[]) => {
      const cancelled: Upload[] = [];
      for (const part of parts) {
        const { upload } = await apiFetch(liveUploadUrl(part), { method: "DELETE" }, uploadResponseSchema);
        queryClient.setQueryData(uploadQueries.liveUpload(part).queryKey, upload);
        cancelled.push(upload);
      }
      return cancelled;
    },
    // Even a partly failed cancel changed the register, so both views are read again.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: uploadQueries.registeredUpload(uploadId).queryKey }),
        queryClient.invalidateQueries({ queryKey: uploadQueries.registerPages() }),
      ]),
  });
}

export function useTrackUpload() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: TrackUploadRequest) =>
      apiFetch(
        `${REGISTER_URL}/tracked`,
        { method: "POST", body: JSON.stringify(request) },
        registeredUploadResponseSchema,
      ),
    onSuccess: ({ upload }) => {
      queryClient.setQueryData(uploadQueries.registeredUpload(upload.id).queryKey, upload);
      return queryClient.invalidateQueries({ queryKey: uploadQueries.registerPages() });
    },
  });
}

/** For the wizard, after every part has been accepted: see RecordBatchRequest for the contract. */
export function useRecordUploadBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (batch: RecordBatchRequest) =>
      apiFetch(
        `${REGISTER_URL}/batches`,
        { method: "POST", body: JSON.stringify(batch) },
        registeredUploadResponseSchema,
      ),
    onSuccess: ({ upload }) => {
      queryClient.setQueryData(uploadQueries.registeredUpload(upload.id).queryKey, upload);
      return queryClient.invalidateQueries({ queryKey: uploadQueries.registerPages() });
    },
  });
}
