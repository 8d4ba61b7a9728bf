import { Badge, type BadgeTone } from "@/components/ui/badge";
import { LEAD_STATUS_LABELS, type LeadStatus } from "@/lib/leads/lead-status";

const LEAD_STATUS_TONES: Record<LeadStatus, BadgeTone> = {
  new: "brand",
  contacted: "warning",
  appointment: "warning",
  won: "success",
  lost: "danger",
  dismissed: "neutral",
};

export interface LeadStatusBadgeProps {
  status: LeadStatus;
}

export function LeadStatusBadge({ status }: LeadStatusBadgeProps) {
  return <Badge tone={LEAD_STATUS_TONES[status]}>{LEAD_STATUS_LABELS[status]}</Badge>;
}
