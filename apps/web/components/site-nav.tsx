const LINKS = [
  { href: "/", label: "Timeline" },
  { href: "/actors", label: "Actors" },
  { href: "/articles", label: "Articles" },
  { href: "/ingest", label: "Ingest" },
];

/** The main navigation; plain links, so it works without JavaScript. */
export function SiteNav() {
  return (
    <nav aria-label="Main">
      <ul className="site-nav">
        {LINKS.map((l) => (
          <li key={l.href}>
            <a href={l.href}>{l.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
