import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getCorpus } from "../../../lib/corpus";
import { routeId } from "../../../lib/route-id";
import { actorHref, highlightsOf, reportHref } from "../../../lib/highlight";
import { eventTypeLabel, formatDay, formatEventTime, formatTimexDate } from "../../../lib/labels";
import { param, type SearchParams } from "../../../lib/search-params";
import { HighlightedText } from "../../../components/highlighted-text";
import { HighlightLegend } from "../../../components/highlight-legend";
import { EventBadge } from "../../../components/event-badge";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await (await getCorpus()).getArticle(await routeId(params));
  return { title: article ? (article.title ?? "Untitled article") : "Article not found" };
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const id = await routeId(params);
  const sp = await searchParams;
  const article = await (await getCorpus()).getArticle(id);
  if (!article) notFound();
  const x = article.extraction;
  const highlights = highlightsOf(x, (eventId) => reportHref(article.id, eventId));
  const actorName = new Map(x.actors.map((a) => [a.id, a.name]));
  const saved = param(sp, "saved");

  return (
    <article className="reader">
      <p className="crumbs">
        <a href="/articles">Articles</a> ›
      </p>
      {saved && (
        <p className="notice notice--ok" role="status">
          {saved !== "new"
            ? "This text was already in the corpus; nothing changed."
            : x.events.length
              ? `Saved. The report's ${x.events.length === 1 ? "event is" : `${x.events.length} events are`} now on the timeline.`
              : "Saved. Parley found no event in it, so the timeline is unchanged."}
        </p>
      )}
      <h1 lang={article.language}>{article.title ?? "Untitled article"}</h1>
      <dl className="facts facts--inline">
        <div>
          <dt>Language</dt>
          <dd>{article.language === "de" ? "German" : "English"}</dd>
        </div>
        <div>
          <dt>Published</dt>
          <dd>{article.publishedAt ? formatDay(article.publishedAt) : "Not known"}</dd>
        </div>
        {article.source && (
          <div>
            <dt>Source</dt>
            <dd>{article.source}</dd>
          </div>
        )}
        {article.url && /^https?:\/\//i.test(article.url) && (
          <div>
            <dt>Link</dt>
            <dd>
              <a href={article.url} rel="noopener noreferrer nofollow">
                original
              </a>
            </dd>
          </div>
        )}
        <div>
          <dt>Extractor</dt>
          <dd>{article.extractorVersion}</dd>
        </div>
      </dl>
      <div className="reader__layout">
        <section aria-labelledby="text-heading" className="reader__text">
          <h2 id="text-heading" className="visually-hidden">
            Text
          </h2>
          <HighlightLegend />
          <p className="hint">Hover over or tab to a highlight to see the fact Parley took from it; select it to open that fact.</p>
          <div className="article-text" lang={article.language} data-testid="article-text">
            <HighlightedText text={article.text} highlights={highlights} />
          </div>
        </section>
        <aside className="reader__facts" aria-label="Facts in this article">
          <h2>Events ({x.events.length})</h2>
          {x.events.length === 0 ? (
            <p className="muted">No event found in this text.</p>
          ) : (
            <ul className="fact-list">
              {x.events.map((e) => (
                <li key={e.id}>
                  <EventBadge type={e.type} /> <a href={reportHref(article.id, e.id)}>{eventTypeLabel(e.type)}</a>
                  <span className="small muted">
                    {" "}
                    {formatEventTime(e.date, "date")}
                    {e.participants.length > 0 && ` · ${e.participants.map((p) => actorName.get(p) ?? p).join(", ")}`}
                  </span>{" "}
                  <a className="small" href={`#event-${e.id}`}>
                    in the text
                  </a>
                </li>
              ))}
            </ul>
          )}
          <h2>Actors ({x.actors.length})</h2>
          <ul className="fact-list">
            {x.actors.map((a) => (
              <li key={a.id}>
                <a href={actorHref(a.id)}>{a.name}</a> <span className="small muted">{a.kind}{a.country ? `, ${a.country}` : ""} · {a.mentions.length}×</span>
              </li>
            ))}
          </ul>
          <h2>Time expressions ({x.timexes.length})</h2>
          <ul className="fact-list">
            {x.timexes.map((t, i) => (
              <li key={i}>
                “{t.text}” <span className="small muted">→ {t.value ? <code>{t.value}</code> : "no value"} {t.value && t.type !== "DURATION" ? formatTimexDate(t.value) : ""}</span>
              </li>
            ))}
          </ul>
          <h2>Quotes ({x.quotes.length})</h2>
          <ul className="fact-list">
            {x.quotes.map((q, i) => (
              <li key={i}>
                <a href={`#quote-${q.start}`}>“{q.text.length > 90 ? `${q.text.slice(0, 90)}…` : q.text}”</a>
                <span className="small muted">
                  {" "}
                  {q.speaker ? actorName.get(q.speaker) ?? q.speaker : "speaker not stated"}
                  {q.via && `, via ${actorName.get(q.via) ?? q.via}`}
                </span>
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </article>
  );
}
