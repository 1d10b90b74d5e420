import type { BatchReport } from "@parley/core/model";
import { EXIT, openSource, SOURCE_ARGS, SOURCE_HELP } from "../data/open-source.js";
import { SourceError, type DataSource, type IngestProgress } from "../data/source.js";
import { parseCommandArgs, UserError, type Command, type Io } from "./shared.js";

const usage = `Usage: parley ingest PATH... [options]

Extracts and stores articles: each PATH is a .txt file or a folder of them, with
an optional NAME.meta.json beside NAME.txt (title, source, url, publishedAt,
language). The same text is stored once. A file that cannot go in is skipped
with its reason; the others go in.

Prints the report as JSON on standard output:
  {"stored": [files], "existing": [files], "skipped": [{"file", "reason"}]}
and a one-line summary on standard error.

Options:
  --progress              progress on standard error (a bar on a terminal,
                          one line per file otherwise)
${SOURCE_HELP}
  -h, --help              this help

Exit codes: 0 every file went in (or was there already), 1 some were skipped,
2 bad options or no PATH, 3 the store or the API cannot be reached.`;

/** "3 stored, 1 already there, 2 skipped". */
export function summaryOf(report: BatchReport): string {
  return `${report.stored.length} stored, ${report.existing.length} already there, ${report.skipped.length} skipped`;
}

function progressPrinter(io: Io, tty: boolean): (p: IngestProgress) => void {
  return (p) => {
    const where = p.pathCount > 1 ? `${p.pathIndex + 1}/${p.pathCount} ` : "";
    if (tty) {
      const width = 30;
      const filled = p.total > 0 ? Math.round((width * p.done) / p.total) : width;
      io.err(`\r\x1b[2K${where}[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${p.done}/${p.total} ${p.outcome} ${p.file}`.slice(0, (process.stderr.columns ?? 100) + 5));
      if (p.done === p.total) io.err("\n");
    } else {
      io.err(`${where}[${p.done}/${p.total}] ${p.outcome} ${p.file}\n`);
    }
  };
}

/** `parley ingest`: files and folders into the store (or the remote API), with a report. */
export const ingestCommand: Command = {
  name: "ingest",
  summary: "store articles from files and folders (progress, a report of what was skipped)",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs("ingest", args, {
      progress: { type: "boolean" },
      ...SOURCE_ARGS,
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.out(`${usage}\n`);
      return EXIT.ok;
    }
    if (positionals.length === 0) throw new UserError("give at least one PATH, a .txt file or a folder (see 'parley ingest --help')");
    let source: DataSource;
    try {
      source = await openSource(values);
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      io.err(`parley ingest: ${error.message}\n`);
      return EXIT.unavailable;
    }
    try {
      const report = await source.ingestPaths(positionals, values.progress ? progressPrinter(io, process.stderr.isTTY === true) : undefined);
      io.out(`${JSON.stringify(report)}\n`);
      for (const s of report.skipped) io.err(`parley ingest: skipped ${s.file}: ${s.reason}\n`);
      io.err(`${summaryOf(report)}\n`);
      return report.skipped.length > 0 ? EXIT.partial : EXIT.ok;
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      io.err(`parley ingest: ${error.message}\n`);
      return EXIT.unavailable;
    } finally {
      await source.close();
    }
  },
};
