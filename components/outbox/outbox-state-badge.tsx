import { Badge } from "@/components/ui/badge";
import { outboxState, type OutboxEntry } from "@/lib/notifications/outbox-entry";

/** Sent, failed (the SMTP server's answer beside it), or waiting in the outbox. */
export function OutboxStateBadge({ entry }: { entry: Pick<OutboxEntry, "sentAt" | "error"> }) {
  switch (outboxState(entry)) {
    case "sent":
      return <Badge tone="success">Sent</Badge>;
    case "error":
      return <Badge tone="danger">Not sent</Badge>;
    case "queued":
      return <Badge tone="neutral">In outbox</Badge>;
  }
}
