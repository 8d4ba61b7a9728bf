import { Skeleton } from "@/components/ui/skeleton";

export default function LeadLoading() {
  return (
    <div role="status" className="flex flex-col gap-4">
      <span className="sr-only">Loading lead…</span>
      <Skeleton className="h-8 w-72" />
      <Skeleton className="h-48 w-full" />
      <Skeleton className="h-64 w-full" />
    </div>
  );
}
