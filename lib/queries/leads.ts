import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { leadListResponseSchema } from "@/lib/leads/lead-list";
import { leadListSearchString, type LeadListSearch } from "@/lib/leads/lead-list-params";
import { apiFetch, retryUnlessClientError } from "@/lib/queries/api";

/** Query keys and options for leads, from general to specific. */
export const leadQueries = {
  all: () => ["leads"] as const,
  lists: () => [...leadQueries.all(), "list"] as const,
  list: (search: LeadListSearch) =>
    queryOptions({
      queryKey: [...leadQueries.lists(), search] as const,
      queryFn: ({ signal }) =>
        apiFetch(`/api/leads${leadListSearchString(search)}`, { signal }, leadListResponseSchema),
      // The page on screen stays while the next one loads, instead of flashing a skeleton.
      placeholderData: keepPreviousData,
      retry: retryUnlessClientError,
    }),
};
