export interface SkeletonProps {
  className?: string;
}

/** A grey placeholder block; decorative, so hidden from screen readers (the region around it says it is loading). */
export function Skeleton({ className = "" }: SkeletonProps) {
  return <div aria-hidden="true" className={`animate-pulse rounded bg-slate-200 ${className}`} />;
}
