import { LEAD_STATUS_TONES } from "@/components/leads/lead-display";
import { LEAD_STATUS_LABELS } from "@/lib/leads/lead-status";
import { Badge } from "@/components/ui/badge";
import type { LeadStatus } from "@/lib/leads/lead-status";

export interface LeadStatusBadgeProps {
  status: LeadStatus;
}

export function LeadStatusBadge({ status }: LeadStatusBadgeProps) {
  return <Badge tone={LEAD_STATUS_TONES[status]}>{LEAD_STATUS_LABELS[status]}</Badge>;
}
