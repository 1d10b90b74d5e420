import { basename } from "node:path";
import { extract, type ParleyDocument } from "@parley/core";
import {
  UserError,
  decodeUtf8,
  kindOf,
  listFiles,
  parseCommandArgs,
  parseLang,
  parsePublished,
  readMeta,
  readTextFile,
  type ArticleMeta,
  type Command,
  type Io,
} from "./shared.js";

const usage = `Usage: parley extract FILE|DIR|- ... [options]

Extracts diplomatic events, actors, places, time expressions and quotes from
news reports and prints the extraction contract as JSON.

  FILE          a UTF-8 text file; NAME.meta.json beside NAME.txt is read when
                present (title, language, publishedAt, source, url)
  DIR           every *.txt in the folder, sorted by name
  -             standard input

One file prints one JSON object. Several files, a folder or a mix print NDJSON:
one object per line, each with a "file" field naming its input.

Options:
  --lang de|en|auto       the article's language (default: metadata, else auto)
  --published YYYY-MM-DD  publication date, the reference for relative dates
                          (a date and time, e.g. 2025-06-03T14:05+02:00, is read as its date)
  --json                  compact JSON (the default)
  --pretty                indented JSON (one article only)
  -h, --help              this help

Exit codes: 0 done, 1 the extractor failed, 2 bad input or options.`;

/** The corpus's limit for one article (ArticleInputSchema): a bigger file is a mistake, not an article. */
const MAX_TEXT = 1_000_000;

interface Source {
  label: string;
  /** A path, or null for standard input. */
  path: string | null;
}

async function readSource(source: Source, io: Io): Promise<{ text: string; meta: ArticleMeta }> {
  const text = source.path === null ? decodeUtf8(await io.stdin(), "standard input") : await readTextFile(source.path);
  if (text.trim() === "") throw new UserError(`${source.label}: the text is empty`);
  if (text.length > MAX_TEXT) throw new UserError(`${source.label}: the text is longer than ${MAX_TEXT.toLocaleString("en")} characters`);
  const meta = source.path === null ? {} : await readMeta(source.path);
  return { text, meta };
}

/** `parley extract`: the extraction contract for files, folders or standard input. */
export const extractCommand: Command = {
  name: "extract",
  summary: "extract events, actors, dates and quotes from articles as JSON",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs("extract", args, {
      lang: { type: "string" },
      published: { type: "string" },
      json: { type: "boolean" },
      pretty: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.out(`${usage}\n`);
      return 0;
    }
    const lang = parseLang(values.lang);
    const published = parsePublished(values.published);
    if (values.json && values.pretty) throw new UserError("--json and --pretty exclude each other");
    if (positionals.length === 0) throw new UserError("give a FILE, a DIR or - for standard input (see 'parley extract --help')");

    // Resolve every argument before printing anything: a typo fails fast.
    const sources: Source[] = [];
    let sawDir = false;
    for (const arg of positionals) {
      if (arg === "-") {
        if (sources.some((s) => s.path === null)) throw new UserError("- (standard input) given twice");
        sources.push({ label: "standard input", path: null });
      } else if ((await kindOf(arg)) === "dir") {
        sawDir = true;
        const files = await listFiles(arg, ".txt");
        if (files.length === 0) throw new UserError(`${arg}: no .txt files in this folder`);
        for (const f of files) sources.push({ label: f, path: f });
      } else {
        sources.push({ label: arg, path: arg });
      }
    }
    const ndjson = sawDir || sources.length > 1;
    if (ndjson && values.pretty) throw new UserError("--pretty prints one article; several articles are printed as NDJSON");

    let exitCode = 0;
    for (const source of sources) {
      let input: { text: string; meta: ArticleMeta };
      try {
        input = await readSource(source, io);
      } catch (error) {
        // One bad file of many: say so, go on with the others, fail at the end.
        if (!(error instanceof UserError) || !ndjson) throw error;
        io.err(`parley extract: ${error.message}\n`);
        exitCode = 2;
        continue;
      }
      const { text, meta } = input;
      const language = lang === "auto" ? undefined : (lang ?? meta.language ?? undefined);
      const doc: ParleyDocument = {
        text,
        ...(language ? { language } : {}),
        publishedAt: published ?? meta.publishedAt ?? null,
        title: meta.title ?? null,
        source: meta.source ?? null,
        url: meta.url ?? null,
      };
      let extraction;
      try {
        extraction = extract(doc);
      } catch (error) {
        io.err(`parley extract: ${source.label}: the extractor failed: ${(error as Error).message}\n`);
        if (!ndjson) return 1;
        exitCode = Math.max(exitCode, 1);
        continue;
      }
      if (ndjson) io.out(`${JSON.stringify({ file: source.path === null ? "-" : basename(source.path), ...extraction })}\n`);
      else io.out(`${JSON.stringify(extraction, null, values.pretty ? 2 : undefined)}\n`);
    }
    return exitCode;
  },
};
