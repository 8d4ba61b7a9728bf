"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { hasRole, type Role } from "@/lib/auth/roles";

/** Each link with the least role that can use its page; the server checks again, this only hides what a role can't do. */
const links: { href: string; label: string; role: Role }[] = [
  { href: "/", label: "Overview", role: "viewer" },
  { href: "/leads", label: "Leads", role: "viewer" },
  { href: "/customers", label: "Customers", role: "viewer" },
  { href: "/uploads", label: "Uploads", role: "viewer" },
  { href: "/uploads/new", label: "New upload", role: "staff" },
  { href: "/settings/users", label: "Users", role: "admin" },
  { href: "/settings/audit", label: "Audit log", role: "admin" },
  { href: "/settings/outbox", label: "Outbox", role: "admin" },
  { href: "/settings/notifications", label: "Notifications", role: "viewer" },
];

/** The section a path belongs to: the longest link that prefixes it, so /uploads/new is not also "Uploads". */
function activeHref(pathname: string): string | undefined {
  return links
    .map((link) => link.href)
    .filter((href) => pathname === href || pathname.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
}

export interface MainNavProps {
  role: Role;
  /** A row in the header, or a column in the phone's menu. */
  direction?: "row" | "column";
  /** Called when a link is followed, e.g. to close the menu holding the links. */
  onNavigate?: () => void;
}

export function MainNav({ role, direction = "row", onNavigate }: MainNavProps) {
  const current = activeHref(usePathname());
  return (
    <nav aria-label="Main">
      <ul className={direction === "row" ? "flex flex-wrap gap-1" : "flex flex-col gap-1"}>
        {links
          .filter((link) => hasRole(role, link.role))
          .map((link) => (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current === link.href ? "page" : undefined}
                onClick={onNavigate}
                // In the menu each link is a full-width row, an easy target for a thumb.
                className={`${direction === "column" ? "block" : ""} rounded-md px-3 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-700`}
              >
                {link.label}
              </Link>
            </li>
          ))}
      </ul>
    </nav>
  );
}
