import type { Metadata } from "next";
import { getCorpus } from "../../lib/corpus";
import { param, queryString, type SearchParams } from "../../lib/search-params";
import { articleHref } from "../../lib/highlight";
import { formatDay } from "../../lib/labels";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Articles" };

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const q = param(sp, "q")?.slice(0, 500);
  const cursor = param(sp, "cursor");
  const corpus = await getCorpus();
  const page = q ? await corpus.search(q, { cursor, limit: 50 }) : await corpus.listArticles({ cursor, limit: 50 });
  const total = page.total ?? page.items.length;
  return (
    <>
      <h1>Articles</h1>
      <p className="lede">
        The reports in the corpus. Open one to read it with every actor, place, date, event and quote marked. <a href="/ingest">Add a report</a>.
      </p>
      <form method="get" action="/articles" className="filters filters--compact" role="search" aria-label="Search the articles">
        <div className="field">
          <label htmlFor="s-q">Search the text</label>
          <input id="s-q" name="q" type="search" defaultValue={q ?? ""} maxLength={500} />
        </div>
        <div className="filters__actions">
          <button type="submit">Search</button>
          {q && (
            <a href="/articles" className="button button--quiet">
              Clear
            </a>
          )}
        </div>
      </form>
      {page.items.length === 0 ? (
        <p className="empty">{q ? `No article matches “${q}”.` : "No articles yet."}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption>
              {total} {total === 1 ? "article" : "articles"}
              {q ? ` matching “${q}”` : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Language</th>
                <th scope="col">Published</th>
                <th scope="col">Source</th>
                <th scope="col" className="num">
                  Events
                </th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <a href={articleHref(a.id)}>{a.title ?? "Untitled article"}</a>
                  </th>
                  <td>{a.language === "de" ? "German" : "English"}</td>
                  <td>{a.publishedAt ? <time dateTime={a.publishedAt}>{formatDay(a.publishedAt)}</time> : "Not known"}</td>
                  <td>{a.source ?? "—"}</td>
                  <td className="num">{a.eventCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.nextCursor && (
        <nav className="pager" aria-label="Article pages">
          <a href={`/articles${queryString({ q, cursor: page.nextCursor })}`}>Next page</a>
        </nav>
      )}
    </>
  );
}
