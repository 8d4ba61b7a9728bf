import { connection } from "next/server";
import type { ReactNode } from "react";
import { EmulatorBanner } from "@/components/layout/emulator-banner";
import { mode } from "@/lib/server/env";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  // The mode is read when the page is served, not frozen into the build.
  await connection();
  return (
    <div className="flex min-h-screen flex-col">
      {mode() === "emulator" && <EmulatorBanner />}
      <main
        id="main"
        className="flex flex-1 items-center justify-center bg-gradient-to-b from-brand-50 to-slate-50 px-4 py-12"
      >
        {children}
      </main>
    </div>
  );
}
