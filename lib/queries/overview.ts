import { queryOptions } from "@tanstack/react-query";
import { overviewResponseSchema } from "@/lib/leads/overview";
import { apiFetch, retryUnlessClientError } from "@/lib/queries/api";

/** Leads change with each sync and each call made: the figures are read again now and then while the page is open. */
const REFRESH_MS = 60_000;

/** How the leads are going (the overview page). */
export const overviewQueries = {
  all: () => ["overview"] as const,
  figures: () =>
    queryOptions({
      queryKey: [...overviewQueries.all(), "figures"] as const,
      queryFn: async ({ signal }) =>
        (await apiFetch("/api/overview", { signal }, overviewResponseSchema)).overview,
      retry: retryUnlessClientError,
      refetchInterval: REFRESH_MS,
    }),
};
