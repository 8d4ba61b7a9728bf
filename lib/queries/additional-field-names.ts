import { queryOptions } from "@tanstack/react-query";
import { fieldNamesResponseSchema } from "@/lib/customer-index/field-names";
import { apiFetch, retryUnlessClientError } from "@/lib/queries/api";

/** The additional fields the dealership's customers have, most common first (the server reads them once a minute). */
export const additionalFieldNameQueries = {
  all: () => ["additional-field-names"] as const,
  list: () =>
    queryOptions({
      queryKey: additionalFieldNameQueries.all(),
      queryFn: async ({ signal }) =>
        (await apiFetch("/api/customers/field-names", { signal }, fieldNamesResponseSchema)).names,
      staleTime: 60_000,
      retry: retryUnlessClientError,
    }),
};
