"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { resetPasswordSchema, type ResetPassword, type User } from "@/lib/auth/schemas";
import { useResetPassword } from "@/lib/queries/users";

export interface ResetPasswordDialogProps {
  /** The account whose password is being reset; null while the dialog is closed. */
  user: User | null;
  onClose: () => void;
}

export function ResetPasswordDialog({ user, onClose }: ResetPasswordDialogProps) {
  const form = useForm<ResetPassword>({
    resolver: zodResolver(resetPasswordSchema),
    defaultValues: { password: "" },
  });
  const resetPassword = useResetPassword();

  const close = () => {
    form.reset();
    resetPassword.reset();
    onClose();
  };

  const submit = form.handleSubmit(({ password }) => {
    if (!user) return;
    resetPassword.mutate(
      { userId: user.id, password },
      {
        onSuccess: () => {
          toast.success(`Password reset for ${user.email}`);
          close();
        },
      },
    );
  });

  return (
    <Dialog
      open={user !== null}
      onOpenChange={(open) => !open && close()}
      title="Reset password"
      description={
        user && (
          <>Set a new password for {user.email}. They are signed out everywhere and sign in again with it.</>
        )
      }
    >
      <form noValidate onSubmit={submit} className="mt-4 flex flex-col gap-4">
        {resetPassword.isError && (
          <p
            role="alert"
            className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
          >
            {resetPassword.error.message}
          </p>
        )}
        <FormField
          id="reset-password"
          label="New password"
          hint="At least 12 characters."
          error={form.formState.errors.password?.message}
        >
          {(control) => (
            <Input
              {...control}
              type="password"
              autoComplete="new-password"
              autoFocus
              {...form.register("password")}
            />
          )}
        </FormField>
        <div className="mt-2 flex justify-end gap-2">
          <Button variant="secondary" onClick={close} disabled={resetPassword.isPending}>
            Cancel
          </Button>
          <Button type="submit" disabled={resetPassword.isPending}>
            {resetPassword.isPending ? "Saving…" : "Reset password"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
