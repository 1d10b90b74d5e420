import type { Metadata } from "next";
import type { TimelineEntry } from "@parley/core/model";
import { getCorpus } from "../../lib/corpus";
import { param, queryString, type SearchParams } from "../../lib/search-params";
import { buildNetwork } from "../../lib/network";
import { actorHref } from "../../lib/highlight";
import { NetworkGraph } from "../../components/network-graph";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Actors" };

/** The network is drawn from at most this many timeline events. */
const NETWORK_EVENTS = 1000;

export default async function ActorsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const q = param(sp, "q")?.slice(0, 200);
  const cursor = param(sp, "cursor");
  const corpus = await getCorpus();
  const [actors, entries] = await Promise.all([corpus.listActors({ q, cursor, limit: 200 }), networkEntries()]);
  const network = buildNetwork(entries, 40, { width: 900, height: 520 });

  return (
    <>
      <h1>Actors</h1>
      <p className="lede">Everyone the reports name as taking part in an event, with how often.</p>
      {network.nodes.length > 1 ? (
        <NetworkGraph {...network} />
      ) : (
        <p className="empty">No two actors share a meeting, negotiation or agreement yet, so there is no network to draw.</p>
      )}
      <form method="get" action="/actors" className="filters filters--compact" role="search" aria-label="Find an actor">
        <div className="field">
          <label htmlFor="a-q">Name</label>
          <input id="a-q" name="q" type="search" defaultValue={q ?? ""} />
        </div>
        <div className="filters__actions">
          <button type="submit">Find</button>
          {q && (
            <a href="/actors" className="button button--quiet">
              Clear
            </a>
          )}
        </div>
      </form>
      {actors.items.length === 0 ? (
        <p className="empty">{q ? `No actor matches “${q}”.` : "No actors yet."}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption>
              {actors.total ?? actors.items.length} {(actors.total ?? actors.items.length) === 1 ? "actor" : "actors"}
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Country</th>
                <th scope="col" className="num">
                  Events
                </th>
                <th scope="col" className="num">
                  Articles
                </th>
              </tr>
            </thead>
            <tbody>
              {actors.items.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <a href={actorHref(a.id)}>{a.name}</a>
                    <Aliases name={a.name} aliases={a.aliases} />
                  </th>
                  <td>{a.kind}</td>
                  <td>{a.country ?? "—"}</td>
                  <td className="num">{a.eventCount}</td>
                  <td className="num">{a.articleCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {actors.nextCursor && (
        <nav className="pager" aria-label="Actor pages">
          <a href={`/actors${queryString({ q, cursor: actors.nextCursor })}`}>Next page</a>
        </nav>
      )}
    </>
  );

  async function networkEntries(): Promise<TimelineEntry[]> {
    const out: TimelineEntry[] = [];
    let next: string | undefined;
    do {
      const page = await corpus.timeline({ cursor: next, limit: 200 });
      out.push(...page.items);
      next = page.nextCursor ?? undefined;
    } while (next && out.length < NETWORK_EVENTS);
    return out;
  }
}

/** Other spellings, without repeating the name itself. */
function Aliases({ name, aliases }: { name: string; aliases: string[] }) {
  const seen = new Set([name.toLowerCase()]);
  const other = aliases.filter((a) => !seen.has(a.toLowerCase()) && seen.add(a.toLowerCase()));
  return other.length ? <span className="muted small"> also {other.slice(0, 3).join(", ")}</span> : null;
}
