"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { ApiError, apiFetch } from "@/lib/queries/api";
import { sendWaitingCustomerDeletes } from "@/lib/queries/customers";

export function SignOutButton() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const leave = () => {
    // Drop every cached query and page, so the next person at this screen sees nothing of this account.
    queryClient.clear();
    router.replace("/sign-in");
    router.refresh();
  };
  const signOut = useMutation({
    mutationFn: async () => {
      // Deletes still waiting out their undo time go now, while the session that sends them lasts.
      await sendWaitingCustomerDeletes();
      return apiFetch("/api/auth/sign-out", { method: "POST" }, z.unknown());
    },
    onSuccess: leave,
    // Already signed out elsewhere (expired, or disabled by an admin): nothing left to end.
    onError: (error) =>
      error instanceof ApiError && error.status === 401 ? leave() : toast.error(error.message),
  });
  return (
    <Button
      variant="secondary"
      size="sm"
      onClick={() => signOut.mutate()}
      disabled={signOut.isPending || signOut.isSuccess}
    >
      Sign out
    </Button>
  );
}
