import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  assigneesResponseSchema,
  bulkResultSchema,
  leadDetailSchema,
  type BulkRequest,
  type StatusRequest,
} from "@/lib/leads/lead-detail";
import { apiFetch, retryUnlessClientError } from "@/lib/queries/api";

const leadUrl = (leadKey: number) => `/api/leads/${leadKey}`;
const changedSchema = z.object({ changed: z.array(z.number()) });

/** A lead's page and the people leads go to. */
export const leadWorkQueries = {
  all: () => ["leads"] as const,
  details: () => [...leadWorkQueries.all(), "detail"] as const,
  detail: (leadKey: number) =>
    queryOptions({
      queryKey: [...leadWorkQueries.details(), leadKey] as const,
      queryFn: ({ signal }) => apiFetch(leadUrl(leadKey), { signal }, leadDetailSchema),
      retry: retryUnlessClientError,
    }),
  assignees: () =>
    queryOptions({
      queryKey: [...leadWorkQueries.all(), "assignees"] as const,
      queryFn: async ({ signal }) =>
        (await apiFetch("/api/leads/assignees", { signal }, assigneesResponseSchema)).assignees,
      retry: retryUnlessClientError,
      staleTime: 5 * 60_000,
    }),
};

/** A change to one lead: afterwards its page (and any list showing it) is read again. */
function useLeadMutation<TInput>(request: (input: TInput) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    // Refused or not, someone may have changed it: show it as it is now.
    onSettled: () => queryClient.invalidateQueries({ queryKey: leadWorkQueries.all() }),
  });
}

export function useSetLeadStatus(leadKey: number) {
  return useLeadMutation((input: StatusRequest) =>
    apiFetch(`${leadUrl(leadKey)}/status`, { method: "POST", body: JSON.stringify(input) }, changedSchema),
  );
}

export function useAssignLead(leadKey: number) {
  return useLeadMutation((userId: number | null) =>
    apiFetch(
      `${leadUrl(leadKey)}/assignment`,
      { method: "POST", body: JSON.stringify({ userId }) },
      changedSchema,
    ),
  );
}

export function useAddLeadNote(leadKey: number) {
  return useLeadMutation((text: string) =>
    apiFetch(
      `${leadUrl(leadKey)}/notes`,
      { method: "POST", body: JSON.stringify({ text }) },
      z.object({ added: z.boolean() }),
    ),
  );
}

export function useBulkLeadAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: BulkRequest) =>
      apiFetch("/api/leads/bulk", { method: "POST", body: JSON.stringify(request) }, bulkResultSchema),
    onSettled: () => queryClient.invalidateQueries({ queryKey: leadWorkQueries.all() }),
  });
}
