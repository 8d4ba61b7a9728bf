"use client";

import { ErrorPanel } from "@/components/layout/error-panel";

export default function DashboardError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel reset={reset} />;
}
