import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { indexStatusResponseSchema, type IndexStatus } from "@/lib/customer-index/index-status";
import { apiFetch, retryUnlessClientError } from "@/lib/queries/api";

const STATUS_URL = "/api/customers/index-status";
/** While the index is being built, a pass runs or one was asked for, it is read this often; otherwise now and then. */
const BUSY_POLL_MS = 2_000;
const IDLE_POLL_MS = 30_000;

const isBusy = (status: IndexStatus | undefined) =>
  Boolean(status && (!status.ready || status.progress || status.requested));

/** Where the customer index stands. */
export const customerIndexQueries = {
  all: () => ["customer-index"] as const,
  status: () =>
    queryOptions({
      queryKey: [...customerIndexQueries.all(), "status"] as const,
      queryFn: async ({ signal }) =>
        (await apiFetch(STATUS_URL, { signal }, indexStatusResponseSchema)).status,
      retry: retryUnlessClientError,
      refetchInterval: (query) => (isBusy(query.state.data) ? BUSY_POLL_MS : IDLE_POLL_MS),
    }),
};

/** "Sync now" (admins): a pass starts within a few seconds, and the status says so meanwhile. */
export function useSyncNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      (await apiFetch(`${STATUS_URL}/sync`, { method: "POST" }, indexStatusResponseSchema)).status,
    onSuccess: (status) => queryClient.setQueryData(customerIndexQueries.status().queryKey, status),
  });
}
