import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { ColumnMapping } from "@/lib/csv";
import { apiFetch, retryUnlessClientError } from "@/lib/queries/api";
import { sharedColumnMappingResponseSchema } from "@/lib/uploads/column-mapping-schemas";

const URL = "/api/column-mappings";

/** The dealership's shared column mappings, by the headers of a file. */
export const columnMappingQueries = {
  all: () => ["column-mappings"] as const,
  forHeaders: (headers: readonly string[]) =>
    queryOptions({
      queryKey: [...columnMappingQueries.all(), headers] as const,
      queryFn: async ({ signal }) =>
        (
          await apiFetch(
            `${URL}/lookup`,
            { method: "POST", body: JSON.stringify({ headers }), signal },
            sharedColumnMappingResponseSchema,
          )
        ).saved,
      // Someone else may have saved one a minute ago: always ask again.
      staleTime: 0,
      retry: retryUnlessClientError,
    }),
};

/** Saves the columns chosen for a file's headers, for everyone's next file with the same headers. */
export function useSaveColumnMapping() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      headers,
      mapping,
    }: {
      headers: readonly string[];
      mapping: readonly ColumnMapping[];
    }) =>
      (
        await apiFetch(
          URL,
          { method: "PUT", body: JSON.stringify({ headers, mapping }) },
          sharedColumnMappingResponseSchema,
        )
      ).saved,
    onSuccess: (saved, { headers }) =>
      queryClient.setQueryData(columnMappingQueries.forHeaders(headers).queryKey, saved),
  });
}
