"use client";

import Link from "next/link";

interface ErrorPanelProps {
  reset: () => void;
}

/** What people see when a page fails: a plain sentence and a way forward, never a stack trace. */
export function ErrorPanel({ reset }: ErrorPanelProps) {
  return (
    <div role="alert" className="mx-auto flex max-w-lg flex-col items-center gap-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-slate-600">
        This page couldn’t be shown. Nothing you entered has been lost. Try again, or come back in a moment.
      </p>
      <div className="flex gap-3">
        <button
          type="button"
          onClick={reset}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          Try again
        </button>
        <Link
          href="/customers"
          className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-100"
        >
          Go to customers
        </Link>
      </div>
    </div>
  );
}
