"use client";

import { useQuery } from "@tanstack/react-query";
import { useTable } from "@tanstack/react-table";
import { useCallback, useMemo, useState } from "react";
import { toast } from "sonner";
import { DataTable } from "@/components/data-table/data-table";
import { dataTableFeatures } from "@/components/data-table/data-table-features";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { ResetPasswordDialog } from "@/components/users/reset-password-dialog";
import { userColumns } from "@/components/users/users-columns";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";
import type { User } from "@/lib/auth/schemas";
import { userQueries, useUpdateUser } from "@/lib/queries/users";

export interface UsersTableProps {
  initialUsers: User[];
  /** The admin looking at the page: they can't change their own role or disable themselves. */
  currentUserId: number;
  timeZone: string;
}

export function UsersTable({ initialUsers, currentUserId, timeZone }: UsersTableProps) {
  const users = useQuery({ ...userQueries.list(), initialData: initialUsers });
  const { mutate: updateUser, isPending: saving } = useUpdateUser();
  const [resetting, setResetting] = useState<User | null>(null);
  const [disabling, setDisabling] = useState<User | null>(null);

  const changeRole = useCallback(
    (user: User, role: Role) =>
      updateUser(
        { userId: user.id, changes: { role } },
        {
          onSuccess: () => toast.success(`${user.email} is now ${ROLE_LABELS[role]}`),
          onError: (error) => toast.error(error.message),
        },
      ),
    [updateUser],
  );

  const setDisabled = useCallback(
    (user: User, disabled: boolean) =>
      updateUser(
        { userId: user.id, changes: { disabled } },
        {
          onSuccess: () => {
            toast.success(
              disabled ? `${user.email} can no longer sign in` : `${user.email} can sign in again`,
            );
            setDisabling(null);
          },
          onError: (error) => toast.error(error.message),
        },
      ),
    [updateUser],
  );

  const columns = useMemo(
    () =>
      userColumns({
        timeZone,
        currentUserId,
        saving,
        onChangeRole: changeRole,
        onResetPassword: setResetting,
        onDisable: setDisabling,
        onEnable: (user) => setDisabled(user, false),
      }),
    [timeZone, currentUserId, saving, changeRole, setDisabled],
  );

  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: users.data,
    getRowId: (user) => String(user.id),
  });

  if (users.isError) {
    const message = users.error instanceof Error ? users.error.message : "The accounts couldn't be loaded.";
    return <ErrorState message={message} onRetry={() => users.refetch()} retrying={users.isFetching} />;
  }

  return (
    <>
      <DataTable
        table={table}
        caption="Accounts"
        rowClassName={(row) => (row.original.disabled ? "bg-slate-50/60 text-slate-500" : undefined)}
        empty={<EmptyState title="No accounts yet" description="Add one with “Add user”." />}
      />
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />
      <ConfirmDialog
        open={disabling !== null}
        onOpenChange={(open) => !open && setDisabling(null)}
        title="Disable this account?"
        description={
          disabling && (
            <>
              {disabling.email} is signed out now and can&apos;t sign in until the account is enabled again.
            </>
          )
        }
        confirmLabel="Disable account"
        pendingLabel="Disabling…"
        pending={saving}
        destructive
        onConfirm={() => disabling && setDisabled(disabling, true)}
      />
    </>
  );
}
