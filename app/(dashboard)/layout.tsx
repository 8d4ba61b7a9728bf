import { connection } from "next/server";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { EmulatorBanner } from "@/components/layout/emulator-banner";
import { MainNav } from "@/components/layout/main-nav";
import { MobileMenu } from "@/components/layout/mobile-menu";
import { RoleBadge } from "@/components/layout/role-badge";
import { requireUser } from "@/lib/server/auth";
import { mode } from "@/lib/server/env";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // The mode is read when the page is served, not frozen into the build.
  await connection();
  // Every dashboard page needs a signed-in account; pages that need more call requireRole() themselves.
  const user = await requireUser();
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      {mode() === "emulator" && <EmulatorBanner />}
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center gap-8 px-4 py-3">
          <span className="text-lg font-semibold text-brand-700">Recapture</span>
          {/* Below lg the navigation and account fold into the menu; from lg up this wrapper is not a box at all. */}
          <div className="hidden lg:contents">
            <MainNav role={user.role} />
            <div className="ml-auto flex items-center gap-3">
              <div className="text-right">
                <p className="text-sm font-medium text-slate-900">{user.name ?? user.email}</p>
                <p className="text-xs text-slate-500">{user.email}</p>
              </div>
              <RoleBadge role={user.role} />
              <SignOutButton />
            </div>
          </div>
          <div className="ml-auto lg:hidden">
            <MobileMenu user={{ email: user.email, name: user.name, role: user.role }} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
        {children}
      </main>
    </div>
  );
}
