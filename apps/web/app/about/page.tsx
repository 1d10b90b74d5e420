import type { Metadata } from "next";
import { EVENT_TYPES } from "@parley/core/model";
import { EventBadge } from "../../components/event-badge";
import { HighlightLegend } from "../../components/highlight-legend";

export const metadata: Metadata = { title: "About" };

/** A static page (prerendered at build): it also serves as the benchmark's baseline. */
export default function AboutPage() {
  return (
    <>
      <h1>About Parley</h1>
      <p className="lede">
        Parley reads news reports on diplomatic negotiations in German and English, turns each into typed, sourced records, and merges the reports of
        one event into one timeline entry. Every fact links back to the sentence it came from.
      </p>
      <h2>Event types</h2>
      <ul className="chips chips--plain">
        {EVENT_TYPES.map((t) => (
          <li key={t}>
            <EventBadge type={t} />
          </li>
        ))}
      </ul>
      <h2>Highlights in the article reader</h2>
      <HighlightLegend />
      <h2>Dates</h2>
      <p>
        Dates follow TIMEX3 values. When a report gives a day without a year and its publication date is unknown, the year stays unknown
        (<code>XXXX-05-16</code>): the timeline lists such events under “Year not stated” instead of guessing.
      </p>
    </>
  );
}
