import { createColumnHelper } from "@tanstack/react-table";
import type { DataTableFeatures } from "@/components/data-table/data-table-features";
import { Badge } from "@/components/ui/badge";
import { Select } from "@/components/ui/select";
import { UserRowActions, type UserRowActionsProps } from "@/components/users/user-row-actions";
import { RoleOptions } from "@/components/users/role-options";
import type { Role } from "@/lib/auth/roles";
import type { User } from "@/lib/auth/schemas";
import { formatDateTime } from "@/lib/format";

const helper = createColumnHelper<DataTableFeatures, User>();

export interface UserColumnsOptions extends Pick<
  UserRowActionsProps,
  "onResetPassword" | "onDisable" | "onEnable"
> {
  timeZone: string;
  /** The admin looking at the page: they can't change their own role or disable themselves. */
  currentUserId: number;
  /** True while a change to an account is saved: the role pickers wait for it. */
  saving: boolean;
  onChangeRole: (user: User, role: Role) => void;
}

export function userColumns({
  timeZone,
  currentUserId,
  saving,
  onChangeRole,
  ...actions
}: UserColumnsOptions) {
  return helper.columns([
    helper.accessor("email", {
      id: "account",
      header: "Account",
      enableHiding: false,
      meta: { label: "Account", rowHeader: true },
      cell: ({ row }) => {
        const user = row.original;
        return (
          <>
            <p className="font-medium text-slate-900">
              {user.name ?? user.email}
              {user.id === currentUserId && (
                <span className="ml-2 text-xs font-normal text-slate-500">(you)</span>
              )}
            </p>
            {user.name && <p className="text-slate-500">{user.email}</p>}
          </>
        );
      },
    }),
    helper.accessor("role", {
      header: "Role",
      meta: { label: "Role" },
      cell: ({ row }) => {
        const user = row.original;
        const self = user.id === currentUserId;
        return (
          <Select
            aria-label={`Role for ${user.email}`}
            value={user.role}
            disabled={self || saving}
            title={self ? "You can't change your own role" : undefined}
            onChange={(event) => onChangeRole(user, event.target.value as Role)}
          >
            <RoleOptions />
          </Select>
        );
      },
    }),
    helper.accessor("disabled", {
      id: "status",
      header: "Status",
      meta: { label: "Status" },
      cell: ({ getValue }) =>
        getValue() ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Active</Badge>,
    }),
    helper.accessor("createdAt", {
      header: "Added",
      meta: { label: "Added", className: "whitespace-nowrap tabular-nums" },
      cell: ({ getValue }) => formatDateTime(getValue(), timeZone),
    }),
    helper.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      enableHiding: false,
      meta: { label: "Actions", className: "text-right" },
      cell: ({ row }) => (
        <UserRowActions user={row.original} self={row.original.id === currentUserId} {...actions} />
      ),
    }),
  ]);
}
