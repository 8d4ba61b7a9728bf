import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { homePathFor, safeNextPath } from "@/lib/auth/next-path";
import { currentUser, DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/server/auth";
import { mode } from "@/lib/server/env";

export const metadata: Metadata = { title: "Sign in" };

interface SignInPageProps {
  searchParams: Promise<{ next?: string | string[] }>;
}

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const { next } = await searchParams;
  const asked = Array.isArray(next) ? next[0] : next;
  // Without a page to go back to, each role has its own home (known once signed in).
  const destination = asked ? safeNextPath(asked) : undefined;
  const user = await currentUser();
  if (user) redirect(destination ?? homePathFor(user.role));
  const demo = mode() === "emulator";

  return (
    <div className="w-full max-w-sm">
      <div className="mb-8 text-center">
        <p className="text-2xl font-semibold tracking-tight text-brand-700">Recapture</p>
        <h1 className="mt-2 text-lg font-medium text-slate-900">Sign in to the dashboard</h1>
        <p className="mt-1 text-sm text-slate-600">
          Win back past customers when their cars come up for sale.
        </p>
      </div>
      <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <SignInForm
          next={destination}
          demoAccounts={demo ? DEMO_ACCOUNTS.map(({ email, role }) => ({ email, role })) : []}
          demoPassword={demo ? DEMO_PASSWORD : undefined}
        />
      </div>
      {!demo && (
        <p className="mt-6 text-center text-xs text-slate-500">
          Ask your dashboard administrator if you need an account.
        </p>
      )}
    </div>
  );
}
