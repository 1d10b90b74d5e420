import { createWriteStream, type WriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { once } from "node:events";
import { EXIT, openSource, SOURCE_ARGS, SOURCE_HELP } from "../data/open-source.js";
import { reasonOf } from "../data/read-articles.js";
import { EXPORT_FORMATS, SourceError, type DataSource, type ExportFormat } from "../data/source.js";
import { parseCommandArgs, UserError, type Command } from "./shared.js";

const usage = `Usage: parley export [options]

Exports the timeline and the extractions, streamed.

Options:
  --format json|ndjson|csv|plover   (default: json) plover: one PLOVER-style
                          event record a line (type, mode, actors, date,
                          source, evidence)
  --out FILE              write to FILE instead of standard output
${SOURCE_HELP}
  -h, --help              this help

Exit codes: 0 done, 1 FILE could not be written, 2 bad options,
3 the store or the API cannot be reached.`;

async function openOut(path: string): Promise<WriteStream> {
  const stream = createWriteStream(path);
  await Promise.race([once(stream, "open"), once(stream, "error").then(([e]) => Promise.reject(e))]);
  return stream;
}

/** `parley export`: the whole corpus as JSON, NDJSON, CSV or PLOVER records. */
export const exportCommand: Command = {
  name: "export",
  summary: "export the timeline and extractions (json, ndjson, csv, plover)",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs("export", args, {
      format: { type: "string" },
      out: { type: "string", short: "o" },
      ...SOURCE_ARGS,
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.out(`${usage}\n`);
      return EXIT.ok;
    }
    if (positionals.length > 0) throw new UserError(`unexpected argument ${JSON.stringify(positionals[0])} (see 'parley export --help')`);
    const format = (values.format ?? "json") as ExportFormat;
    if (!EXPORT_FORMATS.includes(format)) throw new UserError(`--format ${JSON.stringify(values.format)}: expected one of ${EXPORT_FORMATS.join(", ")}`);
    if (values.out === "") throw new UserError("--out needs a file name");

    // Open the file first: a bad path fails before the store does any work. It is
    // written beside its name and renamed at the end, so that a failed export
    // never leaves half a file under the name a script waits for.
    let out: WriteStream | null = null;
    const partial = values.out ? `${values.out}.${process.pid}.partial` : null;
    if (partial) {
      try {
        out = await openOut(partial);
      } catch (error) {
        io.err(`parley export: cannot write ${values.out}: ${reasonOf(error)}\n`);
        return EXIT.partial;
      }
    }
    let source: DataSource;
    try {
      source = await openSource(values);
    } catch (error) {
      out?.destroy();
      if (partial) await rm(partial, { force: true });
      if (!(error instanceof SourceError)) throw error;
      io.err(`parley export: ${error.message}\n`);
      return EXIT.unavailable;
    }
    try {
      for await (const chunk of source.export(format)) {
        if (out) {
          if (!out.write(chunk)) await once(out, "drain");
        } else io.out(chunk);
      }
      if (out && partial && values.out) {
        out.end();
        await once(out, "finish");
        await rename(partial, values.out);
        io.err(`wrote ${values.out}\n`);
      }
      return EXIT.ok;
    } catch (error) {
      if (error instanceof SourceError) {
        io.err(`parley export: ${error.message}\n`);
        return EXIT.unavailable;
      }
      if ((error as NodeJS.ErrnoException).code) {
        io.err(`parley export: cannot write ${values.out ?? "standard output"}: ${reasonOf(error)}\n`);
        return EXIT.partial;
      }
      throw error;
    } finally {
      out?.destroy();
      if (partial) await rm(partial, { force: true });
      await source.close();
    }
  },
};
