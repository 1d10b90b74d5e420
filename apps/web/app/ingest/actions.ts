"use server";
import { redirect } from "next/navigation";
import { ArticleInputSchema, type ArticleInput } from "@parley/core/model";
import { getCorpus, loadCore } from "../../lib/corpus";
import { articleHref } from "../../lib/highlight";
import type { IngestState, IngestValues } from "./state";

const MAX_FILE_BYTES = 4 * 1024 * 1024;

const field = (fd: FormData, name: string) => {
  const v = fd.get(name);
  return typeof v === "string" ? v : "";
};

/** Reads the form: the pasted text, or the chosen .txt file, which wins when given. */
async function readForm(fd: FormData): Promise<{ values: IngestValues; fileError?: string }> {
  const values: IngestValues = {
    text: field(fd, "text"),
    language: field(fd, "language"),
    publishedAt: field(fd, "publishedAt").trim(),
    title: field(fd, "title").trim(),
    source: field(fd, "source").trim(),
  };
  const file = fd.get("file");
  if (file && typeof file !== "string" && file.size > 0) {
    if (!/\.txt$/i.test(file.name) && file.type !== "text/plain") return { values, fileError: `“${file.name}” is not a .txt file.` };
    if (file.size > MAX_FILE_BYTES) return { values, fileError: `“${file.name}” is larger than 4 MB.` };
    try {
      values.text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer()).replace(/^\uFEFF/, "");
    } catch {
      return { values, fileError: `“${file.name}” is not UTF-8 text.` };
    }
    if (!values.title) values.title = file.name.replace(/\.txt$/i, "");
  }
  return { values };
}

function toInput(values: IngestValues): { input?: ArticleInput; errors: IngestState["errors"] } {
  const errors: IngestState["errors"] = {};
  if (!values.text.trim()) errors.text = "Paste a report or choose a .txt file.";
  if (values.language !== "de" && values.language !== "en") errors.language = "Choose the language of the report: German or English.";
  const parsed = ArticleInputSchema.safeParse({
    text: values.text,
    language: values.language || undefined,
    publishedAt: values.publishedAt || null,
    title: values.title || null,
    source: values.source || null,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "form") as keyof IngestState["errors"];
      if (key === "publishedAt") errors.publishedAt ??= `The publication date must be a real date (YYYY-MM-DD): ${issue.message}.`;
      else errors[key] ??= issue.message;
    }
  }
  return Object.keys(errors).length || !parsed.success ? { errors } : { input: parsed.data, errors };
}

/**
 * The ingest form's one action: "preview" extracts without storing, "save"
 * stores through the Corpus (as the API does) and opens the stored article.
 */
export async function ingestAction(prev: IngestState, fd: FormData): Promise<IngestState> {
  const seq = prev.seq + 1;
  const { values, fileError } = await readForm(fd);
  if (fileError) return { status: "error", values, errors: { file: fileError }, preview: null, seq };
  const { input, errors } = toInput(values);
  if (!input) return { status: "error", values, errors, preview: null, seq };

  if (fd.get("intent") !== "save") {
    try {
      const { extract } = await loadCore();
      return { status: "preview", values, errors: {}, preview: extract(input), seq };
    } catch (e) {
      return { status: "error", values, errors: { form: `The extractor failed on this text: ${(e as Error).message}` }, preview: null, seq };
    }
  }

  let target: string;
  try {
    const corpus = await getCorpus();
    const { article, created } = await corpus.ingest(input);
    target = `${articleHref(article.id)}?saved=${created ? "new" : "existing"}`;
  } catch (e) {
    return { status: "error", values, errors: { form: `Could not save the report: ${(e as Error).message}` }, preview: null, seq };
  }
  redirect(target);
}
