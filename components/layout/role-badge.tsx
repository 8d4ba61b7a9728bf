import { Badge } from "@/components/ui/badge";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";

/** The signed-in account's role, admins' in the brand colour. */
export function RoleBadge({ role }: { role: Role }) {
  return <Badge tone={role === "admin" ? "brand" : "neutral"}>{ROLE_LABELS[role]}</Badge>;
}
