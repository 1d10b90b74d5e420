"use client";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/", label: "Timeline", match: (p: string) => p === "/" || p.startsWith("/events") },
  { href: "/actors", label: "Actors", match: (p: string) => p.startsWith("/actors") },
  { href: "/articles", label: "Articles", match: (p: string) => p.startsWith("/articles") },
  { href: "/ingest", label: "Ingest", match: (p: string) => p.startsWith("/ingest") },
];

/**
 * The main navigation: plain links, rendered on the server too, so it works
 * without JavaScript; the current section is marked for assistive technology.
 */
export function SiteNav() {
  const path = usePathname() ?? "";
  return (
    <nav aria-label="Main">
      <ul className="site-nav">
        {LINKS.map((l) => (
          <li key={l.href}>
            <a href={l.href} aria-current={l.match(path) ? "page" : undefined}>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
