import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from "@/lib/auth/roles";

/** The roles as <option>s, most powerful first, each with what it may do. */
export function RoleOptions() {
  return [...ROLES].reverse().map((role) => (
    <option key={role} value={role} title={ROLE_DESCRIPTIONS[role]}>
      {ROLE_LABELS[role]}
    </option>
  ));
}
