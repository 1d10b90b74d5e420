import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ActorDetail } from "@parley/core/model";
import type { Corpus } from "@parley/store";
import { getCorpus } from "../../../lib/corpus";
import { routeId } from "../../../lib/route-id";
import { actorHref, articleHref } from "../../../lib/highlight";
import { eventTypeLabel } from "../../../lib/labels";
import { EventCard } from "../../../components/event-card";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await (await getCorpus()).getActor(await routeId(params));
  return { title: actor?.name ?? "Actor not found" };
}

export default async function ActorPage({ params }: Props) {
  const id = await routeId(params);
  const corpus = await getCorpus();
  const actor = await corpus.getActor(id);
  if (!actor) notFound();
  const names = await namesOf(corpus, actor);
  return (
    <article>
      <p className="crumbs">
        <a href="/actors">Actors</a> ›
      </p>
      <h1>{actor.name}</h1>
      <dl className="facts">
        <div>
          <dt>Kind</dt>
          <dd>{actor.kind}</dd>
        </div>
        <div>
          <dt>Country</dt>
          <dd>{actor.country ?? "—"}</dd>
        </div>
        <div>
          <dt>Id</dt>
          <dd>
            <code>{actor.id}</code>
          </dd>
        </div>
        {otherSpellings(actor.name, actor.aliases).length > 0 && (
          <div>
            <dt>Also written</dt>
            <dd>{otherSpellings(actor.name, actor.aliases).join(", ")}</dd>
          </div>
        )}
        <div>
          <dt>In</dt>
          <dd>
            {actor.eventCount} {actor.eventCount === 1 ? "event" : "events"}, {actor.articleCount} {actor.articleCount === 1 ? "article" : "articles"}
          </dd>
        </div>
      </dl>

      <section aria-labelledby="roles">
        <h2 id="roles">Roles</h2>
        {actor.roles.length === 0 ? (
          <p className="muted">No role known.</p>
        ) : (
          <ul>
            {actor.roles.map((r, i) => (
              <li key={i}>
                {r.title}
                {r.of && <> of {names.get(r.of) ?? r.of}</>}
                {(r.from || r.to) && (
                  <span className="muted">
                    {" "}
                    ({r.from ?? "…"} – {r.to ?? "now"})
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="counterparts">
        <h2 id="counterparts">Counterparts</h2>
        {actor.counterparts.length === 0 ? (
          <p className="muted">Nobody met, negotiated or agreed with {actor.name} in the corpus.</p>
        ) : (
          <ul className="counterparts">
            {actor.counterparts.map((c) => (
              <li key={c.id}>
                <a href={actorHref(c.id)}>{c.name}</a> <span className="muted">× {c.count}</span>{" "}
                <span className="small">({c.types.map(eventTypeLabel).join(", ")})</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="quotes">
        <h2 id="quotes">Quotes</h2>
        {actor.quotes.length === 0 ? (
          <p className="muted">No quote attributed.</p>
        ) : (
          <ul className="quotes">
            {actor.quotes.map((q, i) => (
              <li key={i}>
                <blockquote>
                  <p>“{q.text}”</p>
                </blockquote>
                <p className="small">
                  {q.via && (
                    <>
                      via <a href={actorHref(q.via)}>{names.get(q.via) ?? q.via}</a> ·{" "}
                    </>
                  )}
                  <a href={`${articleHref(q.articleId)}#quote-${q.start}`}>in the article</a>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="events">
        <h2 id="events">Events</h2>
        {actor.events.length === 0 ? (
          <p className="muted">No event.</p>
        ) : (
          <>
            {actor.events.map((e) => (
              <EventCard key={e.id} entry={e} />
            ))}
            <p>
              <a href={`/?actor=${encodeURIComponent(actor.id)}`}>See {actor.name} on the timeline</a>
            </p>
          </>
        )}
      </section>
    </article>
  );
}

/** Other spellings of a name, each once, without the name itself. */
function otherSpellings(name: string, aliases: string[]): string[] {
  const seen = new Set([name.toLowerCase()]);
  return aliases.filter((a) => !seen.has(a.toLowerCase()) && !!seen.add(a.toLowerCase()));
}

/** Names of the outlets that quotes came through and of what roles are held in: found among known actors by id. */
async function namesOf(corpus: Corpus, actor: ActorDetail): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const e of actor.events) for (const p of e.participants) names.set(p.id, p.name);
  for (const c of actor.counterparts) names.set(c.id, c.name);
  const wanted = [...actor.quotes.map((q) => q.via), ...actor.roles.map((r) => r.of)];
  const missing = [...new Set(wanted.filter((v): v is string => !!v && !names.has(v)))].slice(0, 20);
  await Promise.all(
    missing.map(async (id) => {
      const { items } = await corpus.listActors({ q: id, limit: 5 });
      const hit = items.find((a) => a.id === id);
      if (hit) names.set(id, hit.name);
    }),
  );
  return names;
}
