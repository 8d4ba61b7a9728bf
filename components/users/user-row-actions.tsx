import { DataTableRowActions } from "@/components/data-table/data-table-row-actions";
import { Button } from "@/components/ui/button";
import type { User } from "@/lib/auth/schemas";

export interface UserRowActionsProps {
  user: User;
  /** The admin's own account: it can't be disabled from here. */
  self: boolean;
  onResetPassword: (user: User) => void;
  /** Asks first; see the confirm dialog in users-table. */
  onDisable: (user: User) => void;
  onEnable: (user: User) => void;
}

export function UserRowActions({ user, self, onResetPassword, onDisable, onEnable }: UserRowActionsProps) {
  return (
    <DataTableRowActions label={`Actions for ${user.email}`}>
      <Button
        variant="ghost"
        size="sm"
        aria-label={`Reset password for ${user.email}`}
        onClick={() => onResetPassword(user)}
      >
        Reset password
      </Button>
      {user.disabled ? (
        <Button variant="ghost" size="sm" aria-label={`Enable ${user.email}`} onClick={() => onEnable(user)}>
          Enable
        </Button>
      ) : (
        <Button
          variant="ghost"
          size="sm"
          className="text-red-700 hover:bg-red-50 hover:text-red-800"
          aria-label={`Disable ${user.email}`}
          disabled={self}
          onClick={() => onDisable(user)}
        >
          Disable
        </Button>
      )}
    </DataTableRowActions>
  );
}
