"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorState } from "@/components/ui/error-state";
import { Select } from "@/components/ui/select";
import { formatDateTime } from "@/lib/format";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";
import type { User } from "@/lib/auth/schemas";
import { userQueries, useUpdateUser } from "@/lib/queries/users";
import { ResetPasswordDialog } from "./reset-password-dialog";
import { RoleOptions } from "./role-options";

export interface UsersTableProps {
  initialUsers: User[];
  /** The admin looking at the page: they can't change their own role or disable themselves. */
  currentUserId: number;
  timeZone: string;
}

export function UsersTable({ initialUsers, currentUserId, timeZone }: UsersTableProps) {
  const users = useQuery({ ...userQueries.list(), initialData: initialUsers });
  const updateUser = useUpdateUser();
  const [resetting, setResetting] = useState<User | null>(null);
  const [disabling, setDisabling] = useState<User | null>(null);

  const changeRole = (user: User, role: Role) =>
    updateUser.mutate(
      { userId: user.id, changes: { role } },
      {
        onSuccess: () => toast.success(`${user.email} is now ${ROLE_LABELS[role]}`),
        onError: (error) => toast.error(error.message),
      },
    );

  const setDisabled = (user: User, disabled: boolean) =>
    updateUser.mutate(
      { userId: user.id, changes: { disabled } },
      {
        onSuccess: () => {
          toast.success(disabled ? `${user.email} can no longer sign in` : `${user.email} can sign in again`);
          setDisabling(null);
        },
        onError: (error) => toast.error(error.message),
      },
    );

  if (users.isError) {
    const message = users.error instanceof Error ? users.error.message : "The accounts couldn't be loaded.";
    return <ErrorState message={message} onRetry={() => users.refetch()} retrying={users.isFetching} />;
  }

  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Accounts</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-3">
              Account
            </th>
            <th scope="col" className="px-4 py-3">
              Role
            </th>
            <th scope="col" className="px-4 py-3">
              Status
            </th>
            <th scope="col" className="px-4 py-3">
              Added
            </th>
            <th scope="col" className="px-4 py-3 text-right">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {users.data.map((user) => {
            const self = user.id === currentUserId;
            return (
              <tr key={user.id} className={user.disabled ? "bg-slate-50/60 text-slate-500" : undefined}>
                <th scope="row" className="px-4 py-3 font-normal">
                  <p className="font-medium text-slate-900">
                    {user.name ?? user.email}
                    {self && <span className="ml-2 text-xs font-normal text-slate-500">(you)</span>}
                  </p>
                  {user.name && <p className="text-slate-500">{user.email}</p>}
                </th>
                <td className="px-4 py-3">
                  <Select
                    aria-label={`Role for ${user.email}`}
                    value={user.role}
                    disabled={self || updateUser.isPending}
                    title={self ? "You can't change your own role" : undefined}
                    onChange={(event) => changeRole(user, event.target.value as Role)}
                  >
                    <RoleOptions />
                  </Select>
                </td>
                <td className="px-4 py-3">
                  {user.disabled ? (
                    <Badge tone="danger">Disabled</Badge>
                  ) : (
                    <Badge tone="success">Active</Badge>
                  )}
                </td>
                <td className="px-4 py-3 whitespace-nowrap tabular-nums">
                  {formatDateTime(user.createdAt, timeZone)}
                </td>
                <td className="px-4 py-3">
                  <div className="flex justify-end gap-2">
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={`Reset password for ${user.email}`}
                      onClick={() => setResetting(user)}
                    >
                      Reset password
                    </Button>
                    {user.disabled ? (
                      <Button
                        variant="ghost"
                        size="sm"
                        aria-label={`Enable ${user.email}`}
                        onClick={() => setDisabled(user, false)}
                      >
                        Enable
                      </Button>
                    ) : (
                      <Button
                        variant="ghost"
                        size="sm"
                        className="text-red-700 hover:bg-red-50 hover:text-red-800"
                        aria-label={`Disable ${user.email}`}
                        disabled={self}
                        onClick={() => setDisabling(user)}
                      >
                        Disable
                      </Button>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

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
        pending={updateUser.isPending}
        destructive
        onConfirm={() => disabling && setDisabled(disabling, true)}
      />
    </div>
  );
}
