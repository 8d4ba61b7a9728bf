import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { userSchema, type CreateUser, type ResetPassword, type UpdateUser } from "@/lib/auth/schemas";
import { apiFetch, retryUnlessClientError } from "@/lib/queries/api";

const USERS_URL = "/api/users";
const userResponseSchema = z.object({ user: userSchema });

const userUrl = (userId: number) => `${USERS_URL}/${userId}`;

/** Accounts (admin only). */
export const userQueries = {
  all: () => ["users"] as const,
  list: () =>
    queryOptions({
      queryKey: [...userQueries.all(), "list"] as const,
      queryFn: async ({ signal }) =>
        (await apiFetch(USERS_URL, { signal }, z.object({ users: z.array(userSchema) }))).users,
      retry: retryUnlessClientError,
    }),
};

function useUserMutation<TInput>(request: (input: TInput) => Promise<z.infer<typeof userSchema>>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userQueries.all() }),
  });
}

export function useCreateUser() {
  return useUserMutation(async (input: CreateUser) => {
    const response = await apiFetch(
      USERS_URL,
      { method: "POST", body: JSON.stringify(input) },
      userResponseSchema,
    );
    return response.user;
  });
}

export function useUpdateUser() {
  return useUserMutation(async ({ userId, changes }: { userId: number; changes: UpdateUser }) => {
    const response = await apiFetch(
      userUrl(userId),
      { method: "PATCH", body: JSON.stringify(changes) },
      userResponseSchema,
    );
    return response.user;
  });
}

export function useResetPassword() {
  return useUserMutation(async ({ userId, password }: { userId: number } & ResetPassword) => {
    const response = await apiFetch(
      `${userUrl(userId)}/password`,
      { method: "POST", body: JSON.stringify({ password }) },
      userResponseSchema,
    );
    return response.user;
  });
}
