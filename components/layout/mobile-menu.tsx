"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import { useState } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { MainNav } from "@/components/layout/main-nav";
import { RoleBadge } from "@/components/layout/role-badge";
import { buttonStyles } from "@/components/ui/button-styles";
import type { Role } from "@/lib/auth/roles";

export interface MobileMenuProps {
  user: { email: string; name: string | null; role: Role };
}

/**
 * The header's navigation and account on a narrow screen, behind a Menu
 * button: a panel from the right (Radix dialog), so focus stays inside while
 * it is open, Escape or the close button shuts it, and focus goes back to
 * the Menu button. Following a link closes it too.
 */
export function MobileMenu({ user }: MobileMenuProps) {
  const [open, setOpen] = useState(false);
  return (
    <RadixDialog.Root open={open} onOpenChange={setOpen}>
      <RadixDialog.Trigger className={buttonStyles({ variant: "secondary", size: "sm" })}>
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4 text-slate-500">
          <path d="M2 4.75A.75.75 0 0 1 2.75 4h14.5a.75.75 0 0 1 0 1.5H2.75A.75.75 0 0 1 2 4.75Zm0 5.25a.75.75 0 0 1 .75-.75h14.5a.75.75 0 0 1 0 1.5H2.75A.75.75 0 0 1 2 10Zm.75 4.5a.75.75 0 0 0 0 1.5h14.5a.75.75 0 0 0 0-1.5H2.75Z" />
        </svg>
        Menu
      </RadixDialog.Trigger>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <RadixDialog.Content
          // The menu has no description; Radix warns unless told so.
          aria-describedby={undefined}
          className="fixed inset-y-0 right-0 z-50 flex w-72 max-w-[calc(100%-3rem)] flex-col gap-6 overflow-y-auto bg-white p-4 shadow-xl"
        >
          <div className="flex items-center justify-between">
            <RadixDialog.Title className="text-lg font-semibold text-slate-900">Menu</RadixDialog.Title>
            <RadixDialog.Close
              className={buttonStyles({ variant: "ghost", size: "icon" })}
              aria-label="Close menu"
            >
              <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="h-5 w-5">
                <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
              </svg>
            </RadixDialog.Close>
          </div>
          <MainNav role={user.role} direction="column" onNavigate={() => setOpen(false)} />
          <div className="mt-auto flex flex-col gap-3 border-t border-slate-200 pt-4">
            <div className="flex items-start justify-between gap-3">
              <div className="min-w-0">
                {user.name && <p className="text-sm font-medium text-slate-900">{user.name}</p>}
                <p className="break-all text-xs text-slate-500">{user.email}</p>
              </div>
              <RoleBadge role={user.role} />
            </div>
            <SignOutButton />
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
