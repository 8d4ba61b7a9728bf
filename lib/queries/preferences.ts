import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import {
  preferenceResponseSchema,
  type PreferenceName,
  type PreferenceValue,
} from "@/lib/preferences/user-preferences";
import { apiFetch, retryUnlessClientError } from "@/lib/queries/api";

const preferenceUrl = (name: PreferenceName) => `/api/me/preferences/${encodeURIComponent(name)}`;

/** The signed-in person's own preferences (sign-out clears the cache, so another person starts afresh). */
export const preferenceQueries = {
  all: () => ["preferences"] as const,
  detail: <N extends PreferenceName>(name: N) =>
    queryOptions({
      queryKey: [...preferenceQueries.all(), name] as const,
      queryFn: async ({ signal }): Promise<PreferenceValue<N> | null> =>
        (await apiFetch(preferenceUrl(name), { signal }, preferenceResponseSchema(name))).value,
      // Changed only by this person, and this tab writes what it changes into the cache.
      staleTime: 5 * 60_000,
      retry: retryUnlessClientError,
    }),
};

/**
 * Keeps a new value for one of the person's preferences: shown at once, then
 * saved. Saves of the same preference go one after another, so quick changes
 * reach the server in the order they were made and the last one stays.
 */
export function useSavePreference<N extends PreferenceName>(name: N) {
  const queryClient = useQueryClient();
  const { queryKey } = preferenceQueries.detail(name);
  return useMutation({
    scope: { id: `preference:${name}` },
    mutationFn: async (value: PreferenceValue<N>) =>
      (
        await apiFetch(
          preferenceUrl(name),
          { method: "PUT", body: JSON.stringify({ value }) },
          preferenceResponseSchema(name),
        )
      ).value,
    onMutate: async (value) => {
      await queryClient.cancelQueries({ queryKey });
      queryClient.setQueryData(queryKey, value);
    },
    // The choice stays on screen for now; the person is told it won't follow them.
    onError: (error) => toast.error("Your choice wasn't saved", { description: error.message }),
  });
}
