"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const links = [
  { href: "/customers", label: "Customers" },
  { href: "/uploads", label: "Uploads" },
  { href: "/uploads/new", label: "New upload" },
] as const;

/** The section a path belongs to: the longest link that prefixes it, so /uploads/new is not also "Uploads". */
function activeHref(pathname: string): string | undefined {
  return links
    .map((link) => link.href)
    .filter((href) => pathname === href || pathname.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
}

export function MainNav() {
  const current = activeHref(usePathname());
  return (
    <nav aria-label="Main">
      <ul className="flex gap-1">
        {links.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={current === link.href ? "page" : undefined}
              className="rounded-md px-3 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-700"
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
