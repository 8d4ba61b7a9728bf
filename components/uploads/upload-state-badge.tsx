import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { UploadState } from "@/lib/uploads/progress";

export interface UploadStateBadgeProps {
  state: UploadState;
  reconnecting?: boolean;
}

const looks: Record<UploadState, { tone: BadgeTone; label: string }> = {
  queued: { tone: "neutral", label: "Queued" },
  processing: { tone: "brand", label: "Processing" },
  complete: { tone: "success", label: "Complete" },
  cancelled: { tone: "warning", label: "Cancelled" },
};

export function UploadStateBadge({ state, reconnecting = false }: UploadStateBadgeProps) {
  if (reconnecting) return <Badge tone="danger">Can’t reach the Recapture API</Badge>;
  const { tone, label } = looks[state];
  return (
    <Badge tone={tone}>
      {state === "processing" && (
        <span aria-hidden="true" className="mr-1.5 size-1.5 animate-pulse rounded-full bg-brand-600" />
      )}
      {label}
    </Badge>
  );
}
