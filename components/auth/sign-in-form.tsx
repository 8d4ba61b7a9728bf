"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { homePathFor } from "@/lib/auth/next-path";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/roles";
import { signInSchema, type SignIn } from "@/lib/auth/schemas";
import { apiFetch } from "@/lib/queries/api";

export interface DemoAccount {
  email: string;
  role: Role;
}

export interface SignInFormProps {
  /** Where to go after signing in: already checked to be a path on this site; without one, the role's home. */
  next?: string;
  /** Listed under the form in emulator mode; clicking one fills the form in. */
  demoAccounts: DemoAccount[];
  demoPassword?: string;
}

const signedInSchema = z.object({ user: z.object({ role: z.enum(ROLES) }) });

export function SignInForm({ next, demoAccounts, demoPassword }: SignInFormProps) {
  const form = useForm<z.input<typeof signInSchema>, unknown, SignIn>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: "", password: "" },
  });
  const router = useRouter();
  const queryClient = useQueryClient();
  const signIn = useMutation({
    mutationFn: (values: SignIn) =>
      apiFetch("/api/auth/sign-in", { method: "POST", body: JSON.stringify(values) }, signedInSchema),
    onSuccess: ({ user }) => {
      // Nothing cached for a previous account may survive into this one.
      queryClient.clear();
      router.replace(next ?? homePathFor(user.role));
      router.refresh();
    },
  });
  const { errors } = form.formState;
  const busy = signIn.isPending || signIn.isSuccess;

  return (
    <div className="flex flex-col gap-6">
      <form
        noValidate
        onSubmit={form.handleSubmit((values) => signIn.mutate(values))}
        className="flex flex-col gap-4"
      >
        {signIn.isError && (
          <div
            role="alert"
            className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
          >
            {signIn.error.message}
          </div>
        )}
        <FormField id="email" label="Email" error={errors.email?.message}>
          {(control) => (
            <Input {...control} type="email" autoComplete="username" autoFocus {...form.register("email")} />
          )}
        </FormField>
        <FormField id="password" label="Password" error={errors.password?.message}>
          {(control) => (
            <Input
              {...control}
              type="password"
              autoComplete="current-password"
              {...form.register("password")}
            />
          )}
        </FormField>
        <Button type="submit" className="mt-2 w-full" disabled={busy}>
          {busy && <Spinner />}
          {busy ? "Signing in…" : "Sign in"}
        </Button>
      </form>

      {demoAccounts.length > 0 && demoPassword && (
        <section
          aria-labelledby="demo-accounts"
          className="rounded-md border border-amber-200 bg-amber-50 p-4"
        >
          <h2 id="demo-accounts" className="text-sm font-semibold text-amber-900">
            Demo accounts
          </h2>
          <p className="mt-1 text-xs text-amber-900/80">
            Emulator mode only. Password{" "}
            <code className="rounded bg-white/70 px-1 font-mono">{demoPassword}</code>. Choose one to fill the
            form in.
          </p>
          <ul className="mt-3 flex flex-col gap-1.5">
            {demoAccounts.map((account) => (
              <li key={account.email}>
                <button
                  type="button"
                  onClick={() => {
                    form.setValue("email", account.email, { shouldValidate: true });
                    form.setValue("password", demoPassword, { shouldValidate: true });
                  }}
                  className="flex w-full items-center justify-between rounded-md bg-white px-3 py-2 text-left text-sm shadow-sm ring-1 ring-amber-200 hover:ring-amber-400"
                >
                  <span className="font-mono text-slate-800">{account.email}</span>
                  <span className="text-xs font-medium text-slate-500">{ROLE_LABELS[account.role]}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
