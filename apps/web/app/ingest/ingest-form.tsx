"use client";
import { useActionState, useEffect, useRef, useState, type DragEvent } from "react";
import { useFormStatus } from "react-dom";
import type { Extraction } from "@parley/core/model";
import { ingestAction } from "./actions";
import { initialIngestState, type IngestState } from "./state";
import { HighlightedText } from "../../components/highlighted-text";
import { HighlightLegend } from "../../components/highlight-legend";
import { EventBadge } from "../../components/event-badge";
import { highlightsOf } from "../../lib/highlight";
import { eventTypeLabel, formatEventTime, issueLabel } from "../../lib/labels";

const MAX_CHARS = 1_000_000;

/**
 * Paste or drop a report, set its language and date, preview what Parley
 * extracts, then save. A server action does the work, so the form also works
 * without JavaScript; with it, a chosen file fills the text box at once.
 */
export function IngestForm() {
  const [state, action, pending] = useActionState(ingestAction, initialIngestState);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [clientError, setClientError] = useState<string | null>(null);
  // True once React runs in the browser: a chosen file is then read at once.
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  const errors = { ...state.errors, ...(clientError ? { file: clientError } : {}) };

  async function loadFile(file: File | undefined) {
    setClientError(null);
    if (!file) return;
    if (!/\.txt$/i.test(file.name) && file.type !== "text/plain") {
      setClientError(`“${file.name}” is not a .txt file.`);
      return;
    }
    const text = await file.text();
    if (text.length > MAX_CHARS) {
      setClientError(`“${file.name}” has more than 1,000,000 characters.`);
      return;
    }
    if (textRef.current) textRef.current.value = text.replace(/^\uFEFF/, "");
    const title = textRef.current?.form?.elements.namedItem("title");
    if (title instanceof HTMLInputElement && !title.value) title.value = file.name.replace(/\.txt$/i, "");
    // The text box now holds the file; sending both would be the same text twice.
    if (fileRef.current) fileRef.current.value = "";
  }

  function onDrop(e: DragEvent<HTMLTextAreaElement>) {
    const file = e.dataTransfer.files[0];
    if (!file) return;
    e.preventDefault();
    void loadFile(file);
  }

  const described = (name: keyof typeof errors, hint?: string) =>
    [errors[name] ? `err-${name}` : null, hint].filter(Boolean).join(" ") || undefined;
  const errorCount = Object.values(errors).filter(Boolean).length;

  return (
    <form action={action} className="ingest-form" key={state.seq} noValidate data-enhanced={enhanced ? "" : undefined}>
      {errorCount > 0 && (
        <div className="notice notice--error" role="alert" id="ingest-errors">
          <p>
            <strong>{errorCount === 1 ? "One thing to fix:" : `${errorCount} things to fix:`}</strong>
          </p>
          <ul>
            {Object.entries(errors).map(([k, v]) => (v ? <li key={k}>{v}</li> : null))}
          </ul>
        </div>
      )}
      <div className="field field--wide">
        <label htmlFor="i-text">Report text</label>
        <textarea
          id="i-text"
          name="text"
          ref={textRef}
          rows={12}
          defaultValue={state.values.text}
          aria-invalid={!!errors.text}
          aria-describedby={described("text", "i-text-hint")}
          onDrop={onDrop}
          onDragOver={(e) => e.preventDefault()}
        />
        <p id="i-text-hint" className="hint">
          Paste the text, or drop a .txt file here. At most 1,000,000 characters.
        </p>
        {errors.text && (
          <p id="err-text" className="field-error">
            {errors.text}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="i-file">Or choose a .txt file</label>
        <input
          id="i-file"
          name="file"
          type="file"
          accept=".txt,text/plain"
          ref={fileRef}
          aria-invalid={!!errors.file}
          aria-describedby={described("file")}
          onChange={(e) => void loadFile(e.currentTarget.files?.[0])}
        />
        {errors.file && (
          <p id="err-file" className="field-error">
            {errors.file}
          </p>
        )}
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="i-language">Language</label>
          <select id="i-language" name="language" defaultValue={state.values.language} aria-invalid={!!errors.language} aria-describedby={described("language")}>
            <option value="">Choose…</option>
            <option value="de">German</option>
            <option value="en">English</option>
          </select>
          {errors.language && (
            <p id="err-language" className="field-error">
              {errors.language}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="i-date">Publication date</label>
          <input
            id="i-date"
            name="publishedAt"
            type="date"
            defaultValue={state.values.publishedAt}
            aria-invalid={!!errors.publishedAt}
            aria-describedby={described("publishedAt", "i-date-hint")}
          />
          <p id="i-date-hint" className="hint">
            Optional. Dates in the text without a year are resolved against it; without it they keep an unknown year.
          </p>
          {errors.publishedAt && (
            <p id="err-publishedAt" className="field-error">
              {errors.publishedAt}
            </p>
          )}
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="i-title">Title</label>
          <input id="i-title" name="title" type="text" defaultValue={state.values.title} maxLength={500} />
        </div>
        <div className="field">
          <label htmlFor="i-source">Source</label>
          <input id="i-source" name="source" type="text" defaultValue={state.values.source} maxLength={200} placeholder="e.g. Reuters" />
        </div>
      </div>
      <div className="form-actions">
        <SubmitButton intent="preview" label="Preview extraction" pendingLabel="Extracting…" quiet={state.status === "preview"} />
        {pending && (
          <span role="status" className="muted">
            Working…
          </span>
        )}
      </div>
      {state.status === "preview" && state.preview && <Preview extraction={state.preview} text={state.values.text} />}
    </form>
  );
}

function SubmitButton({ intent, label, pendingLabel, quiet }: { intent: string; label: string; pendingLabel: string; quiet?: boolean }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" name="intent" value={intent} disabled={pending} className={quiet ? "button--quiet" : undefined}>
      {pending ? pendingLabel : label}
    </button>
  );
}

function Preview({ extraction: x, text }: { extraction: Extraction; text: string }) {
  const names = new Map(x.actors.map((a) => [a.id, a.name]));
  return (
    <section className="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading" tabIndex={-1}>
        Preview: {x.events.length} {x.events.length === 1 ? "event" : "events"}, {x.actors.length} {x.actors.length === 1 ? "actor" : "actors"},{" "}
        {x.timexes.length} time {x.timexes.length === 1 ? "expression" : "expressions"}, {x.quotes.length} {x.quotes.length === 1 ? "quote" : "quotes"}
      </h2>
      <p className="hint">Nothing is stored yet. Check the extraction, then save it to the corpus.</p>
      {x.events.length > 0 && (
        <ul className="fact-list">
          {x.events.map((e) => (
            <li key={e.id}>
              <EventBadge type={e.type} /> {eventTypeLabel(e.type)} <span className="small muted">· {formatEventTime(e.date, "date")}</span>
              {e.participants.length > 0 && <span className="small"> · {e.participants.map((p) => names.get(p) ?? p).join(", ")}</span>}
              {e.issues.length > 0 && <span className="small"> · {e.issues.map(issueLabel).join(", ")}</span>}
            </li>
          ))}
        </ul>
      )}
      <HighlightLegend />
      <div className="article-text article-text--preview" data-testid="preview-text">
        <HighlightedText text={text} highlights={highlightsOf(x, () => null)} />
      </div>
      <div className="form-actions">
        <SubmitButton intent="save" label="Save to corpus" pendingLabel="Saving…" />
      </div>
    </section>
  );
}
