/** Roles from least to most powerful; each can do everything the ones before it can. */
export const ROLES = ["viewer", "staff", "manager", "admin"] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  viewer: "Viewer",
  staff: "Staff",
  manager: "Manager",
  admin: "Admin",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  viewer: "Read only: customers, sightings and uploads",
  staff: "Upload, add, edit and delete customers, cancel uploads",
  manager: "Everything staff can, and sees and allocates every lead",
  admin: "Everything, and manages accounts",
};

export function hasRole(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}
