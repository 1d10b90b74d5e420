import { dirname, resolve } from "node:path";
import { extract } from "@parley/core";
import { GoldSchema, aggregate, formatReport, formatSummary, scoreArticle, type ArticleScore, type Gold } from "@parley/core/eval";
import {
  UserError,
  kindOf,
  listFiles,
  parseCommandArgs,
  parseWith,
  readJsonFile,
  readMeta,
  readTextFile,
  type Command,
} from "./shared.js";

const usage = `Usage: parley eval GOLD [--articles DIR] [--json] [--verbose]

Extracts every article that has a gold file and scores the extraction against
it (FORMAT.md, section 4).

  GOLD              a folder of *.gold.json files, or one gold file
  --articles DIR    where the articles named by the gold files' "file" field are
                    (default: the gold folder); DIR's NAME.meta.json gives
                    publishedAt, title and language, else the gold file does
  --json            print all scores as one JSON object
  --verbose         list, per article, missed gold items, false positives and
                    wrong values with their text
  -h, --help        this help

The text report ends with one line:
  SUMMARY actors_f1=… events_f1=… timexes_f1=… quotes_f1=… [more key=value]

Exit codes: 0 scored, 1 the extractor failed, 2 bad input or options.`;

interface Case {
  goldFile: string;
  gold: Gold;
  articleFile: string;
}

/** `parley eval`: scores the extractor against gold files. */
export const evalCommand: Command = {
  name: "eval",
  summary: "score the extractor against gold files",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs("eval", args, {
      articles: { type: "string" },
      json: { type: "boolean" },
      verbose: { type: "boolean", short: "v" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.out(`${usage}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new UserError("give one GOLD folder or file (see 'parley eval --help')");
    const goldArg = positionals[0]!;
    const goldIsDir = (await kindOf(goldArg)) === "dir";
    const goldFiles = goldIsDir ? await listFiles(goldArg, ".gold.json") : [goldArg];
    if (goldFiles.length === 0) throw new UserError(`${goldArg}: no *.gold.json files in this folder`);
    const articlesDir = values.articles ?? (goldIsDir ? goldArg : dirname(goldArg));
    if ((await kindOf(articlesDir)) !== "dir") throw new UserError(`--articles ${articlesDir}: not a folder`);

    // Read and check every gold file first: a bad one fails before any work.
    const cases: Case[] = [];
    for (const goldFile of goldFiles) {
      const gold = parseWith(GoldSchema, await readJsonFile(goldFile), goldFile, "a gold file (see FORMAT.md, section 2)");
      const articleFile = resolve(articlesDir, gold.file);
      try {
        await kindOf(articleFile);
      } catch {
        throw new UserError(`${goldFile}: its article ${gold.file} is not in ${articlesDir}${values.articles ? "" : " (use --articles DIR)"}`);
      }
      cases.push({ goldFile, gold, articleFile });
    }

    const scores: ArticleScore[] = [];
    for (const { gold, articleFile } of cases) {
      const text = await readTextFile(articleFile);
      const meta = await readMeta(articleFile);
      if (meta.publishedAt && gold.publishedAt && meta.publishedAt !== gold.publishedAt) {
        io.err(`parley eval: ${gold.file}: metadata says published ${meta.publishedAt}, the gold ${gold.publishedAt}; using the metadata\n`);
      }
      const language = meta.language ?? gold.language;
      let extraction;
      try {
        extraction = extract({
          text,
          ...(language ? { language } : {}),
          publishedAt: meta.publishedAt ?? gold.publishedAt ?? null,
          title: meta.title ?? gold.title ?? null,
          source: meta.source ?? null,
          url: meta.url ?? null,
        });
      } catch (error) {
        io.err(`parley eval: ${articleFile}: the extractor failed: ${(error as Error).message}\n`);
        return 1;
      }
      scores.push(scoreArticle(gold, extraction, text));
    }
    const total = aggregate(scores);
    if (values.json) {
      const articles = values.verbose ? scores : scores.map(({ details: _details, ...rest }) => rest);
      io.out(`${JSON.stringify({ articles, total, summary: formatSummary(total) }, null, 2)}\n`);
    } else {
      io.out(`${formatReport(scores, total, { verbose: values.verbose ?? false })}\n`);
    }
    return 0;
  },
};
