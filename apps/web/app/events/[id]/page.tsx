import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { Article, EventReport, TimelineEntry } from "@parley/core/model";
import { getCorpus } from "../../../lib/corpus";
import { routeId } from "../../../lib/route-id";
import { excerpt } from "../../../lib/context";
import { actorHref, articleHref } from "../../../lib/highlight";
import { formatDay, formatEventTime, issueLabel } from "../../../lib/labels";
import { EventBadge } from "../../../components/event-badge";
import { eventTitle } from "../../../components/event-card";

export const dynamic = "force-dynamic";

/** Reports shown with their text; an event told by more lists the rest by title. */
const REPORTS_WITH_TEXT = 25;

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const corpus = await getCorpus();
  const entry = await corpus.getEvent(await routeId(params));
  return { title: entry ? eventTitle(entry) : "Event not found" };
}

export default async function EventPage({ params }: Props) {
  const corpus = await getCorpus();
  const entry = await corpus.getEvent(await routeId(params));
  if (!entry) notFound();
  const articles = new Map<string, Article>();
  const ids = [...new Set(entry.reports.map((r) => r.articleId))].slice(0, REPORTS_WITH_TEXT);
  await Promise.all(
    ids.map(async (id) => {
      const a = await corpus.getArticle(id);
      if (a) articles.set(id, a);
    }),
  );
  const names = actorNames(entry, articles);
  const participantIds = new Set(entry.participants.map((p) => p.id));
  const titleOf = (id: string) => {
    const r = entry.reports.find((x) => x.articleId === id);
    return r?.articleTitle ?? articles.get(id)?.title ?? id.slice(0, 12);
  };

  return (
    <article className="event-page">
      <p className="crumbs">
        <a href="/">Timeline</a> ›
      </p>
      <EventBadge type={entry.type} />
      <h1>{eventTitle(entry)}</h1>
      <dl className="facts">
        <div>
          <dt>Type</dt>
          <dd>
            {entry.type}
            {entry.modality !== "asserted" && ` (${entry.modality})`}
          </dd>
        </div>
        <div>
          <dt>Date</dt>
          <dd>
            {formatEventTime(entry.date, "date")}
            {entry.date && <code className="value">{entry.date.value}</code>}
          </dd>
        </div>
        <div>
          <dt>Place</dt>
          <dd>{entry.place?.name ?? "Not stated"}</dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd>
            {formatEventTime(entry.duration, "duration")}
            {entry.duration && <code className="value">{[entry.duration.mod, entry.duration.value].filter(Boolean).join(" ")}</code>}
          </dd>
        </div>
        <div>
          <dt>Participants</dt>
          <dd>
            {entry.participants.length === 0
              ? "Not stated"
              : entry.participants.map((p, i) => (
                  <span key={p.id}>
                    {i > 0 && ", "}
                    <a href={actorHref(p.id)}>{p.name}</a>
                    {p.country && <span className="muted"> ({p.country})</span>}
                  </span>
                ))}
          </dd>
        </div>
        <div>
          <dt>Issues</dt>
          <dd>
            {entry.issues.length === 0 ? (
              "None stated"
            ) : (
              <ul className="chips">
                {entry.issues.map((i) => (
                  <li key={i} className="chip">
                    {issueLabel(i)}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>

      {entry.disagreements.length > 0 && (
        <section aria-labelledby="disagreements">
          <h2 id="disagreements">Where reports disagree</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Value</th>
                <th scope="col">Given by</th>
              </tr>
            </thead>
            <tbody>
              {entry.disagreements.flatMap((d) =>
                d.values.map((v, i) => (
                  <tr key={`${d.field}-${v.value}`}>
                    {i === 0 && (
                      <th scope="row" rowSpan={d.values.length}>
                        {d.field}
                      </th>
                    )}
                    <td>
                      <code>{v.value}</code>
                    </td>
                    <td>
                      {v.articleIds.map((id, j) => (
                        <span key={id}>
                          {j > 0 && ", "}
                          <a href={articleHref(id)}>{titleOf(id)}</a>
                        </span>
                      ))}
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </section>
      )}

      <section aria-labelledby="reports">
        <h2 id="reports">
          {entry.reportCount} {entry.reportCount === 1 ? "report" : "reports"}
        </h2>
        <ol className="reports">
          {entry.reports.map((r) => (
            <ReportItem
              key={`${r.articleId}-${r.eventId}`}
              report={r}
              article={articles.get(r.articleId)}
              names={names}
              participants={participantIds}
            />
          ))}
        </ol>
      </section>
    </article>
  );
}

function actorNames(entry: TimelineEntry, articles: Map<string, Article>): Map<string, string> {
  const names = new Map<string, string>();
  for (const a of articles.values()) for (const actor of a.extraction.actors) names.set(actor.id, actor.name);
  for (const p of entry.participants) names.set(p.id, p.name);
  return names;
}

/** "TASS, citing Medinsky": who reports it, outermost first. */
function SourceChain({ sources, names }: { sources: string[]; names: Map<string, string> }) {
  if (!sources.length) return <span className="muted">No source named in the text</span>;
  return (
    <span className="chain">
      {sources.map((id, i) => (
        <span key={`${id}-${i}`}>
          {i > 0 && ", citing "}
          <a href={actorHref(id)}>{names.get(id) ?? id}</a>
        </span>
      ))}
    </span>
  );
}

/**
 * What the event's participants say in this report, with the chain it came
 * through ("TASS, citing Vladimir Medinsky"): the reader sees who is speaking
 * about the event and through whom, not only who reports it.
 */
function ParticipantQuotes({ article, participants, names }: { article: Article | undefined; participants: Set<string>; names: Map<string, string> }) {
  const quotes = (article?.extraction.quotes ?? []).filter((q) => q.speaker && participants.has(q.speaker)).slice(0, 5);
  if (!quotes.length) return null;
  return (
    <div className="report__quotes">
      <h4>Participants quoted in this report</h4>
      <ul>
        {quotes.map((q) => (
          <li key={q.start}>
            <SourceChain sources={[q.via, q.speaker].filter((x): x is string => !!x)} names={names} />:{" "}
            <q lang={article?.language}>{q.text}</q>{" "}
            <a className="small" href={`${articleHref(article!.id)}#quote-${q.start}`}>
              in the article
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ReportItem({
  report,
  article,
  names,
  participants,
}: {
  report: EventReport;
  article: Article | undefined;
  names: Map<string, string>;
  participants: Set<string>;
}) {
  const ex = article ? excerpt(article.text, report.evidence) : null;
  return (
    <li className="report">
      <h3 className="report__title">
        <a href={`${articleHref(report.articleId)}#event-${encodeURIComponent(report.eventId)}`}>{report.articleTitle ?? article?.title ?? "Untitled article"}</a>
      </h3>
      <p className="report__meta">
        {report.publishedAt ? <>Published {formatDay(report.publishedAt)}</> : "Publication date not known"} · Source:{" "}
        <SourceChain sources={report.sources} names={names} />
      </p>
      <blockquote className="report__excerpt" lang={article?.language}>
        {ex && ex.parts.length ? (
          <p>
            {ex.clippedStart && "… "}
            {ex.parts.map((p, i) =>
              p.marked ? (
                <mark key={i} className="evidence-mark">
                  {p.text}
                </mark>
              ) : (
                <span key={i}>{p.text}</span>
              ),
            )}
            {ex.clippedEnd && " …"}
          </p>
        ) : (
          report.evidence.map((s, i) => (
            <p key={i}>
              <mark className="evidence-mark">{s.text}</mark>
            </p>
          ))
        )}
      </blockquote>
      <ParticipantQuotes article={article} participants={participants} names={names} />
      <dl className="facts facts--inline">
        <div>
          <dt>Date here</dt>
          <dd>{formatEventTime(report.date, "date")}</dd>
        </div>
        {report.duration && (
          <div>
            <dt>Duration here</dt>
            <dd>{formatEventTime(report.duration, "duration")}</dd>
          </div>
        )}
        {report.place && (
          <div>
            <dt>Place here</dt>
            <dd>{names.get(report.place) ?? article?.extraction.places.find((p) => p.id === report.place)?.name ?? report.place}</dd>
          </div>
        )}
        {report.modality !== "asserted" && (
          <div>
            <dt>Status here</dt>
            <dd>{report.modality}</dd>
          </div>
        )}
      </dl>
    </li>
  );
}
