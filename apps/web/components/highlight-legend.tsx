const ITEMS = [
  { kind: "actor", variant: "person", label: "Person" },
  { kind: "actor", variant: "state", label: "State" },
  { kind: "actor", variant: "organization", label: "Organisation" },
  { kind: "place", label: "Place" },
  { kind: "timex", label: "Time expression" },
  { kind: "trigger", label: "Event trigger" },
  { kind: "evidence", label: "Event sentence" },
  { kind: "quote", label: "Quote" },
];

/** What each colour of the article reader means. */
export function HighlightLegend() {
  return (
    <ul className="legend legend--hl" aria-label="Colours of the highlights">
      {ITEMS.map((i) => (
        <li key={i.label}>
          <span className={`hl hl-${i.kind}${i.variant ? ` hl-${i.kind}-${i.variant}` : ""} hl-sample`}>{i.label}</span>
        </li>
      ))}
    </ul>
  );
}
