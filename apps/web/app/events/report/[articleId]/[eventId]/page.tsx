import { notFound, redirect } from "next/navigation";
import { getCorpus } from "../../../../../lib/corpus";
import { routeId } from "../../../../../lib/route-id";
import { resolveTimelineEntry } from "../../../../../lib/resolve-event";
import { eventHref } from "../../../../../lib/highlight";

export const dynamic = "force-dynamic";

/** From one article's event to the merged timeline event that holds it. */
export default async function ReportRedirect({ params }: { params: Promise<{ articleId: string; eventId: string }> }) {
  const p = await params;
  const articleId = await routeId(Promise.resolve({ id: p.articleId }));
  const eventId = await routeId(Promise.resolve({ id: p.eventId }));
  const corpus = await getCorpus();
  const article = await corpus.getArticle(articleId);
  const event = article?.extraction.events.find((e) => e.id === eventId);
  if (!event) notFound();
  const entry = await resolveTimelineEntry(corpus, articleId, event);
  if (!entry) notFound();
  redirect(eventHref(entry.id));
}
