import { existsSync, statSync } from "node:fs";
import { EXIT, openSource, SOURCE_ARGS, SOURCE_HELP } from "../data/open-source.js";
import { SourceError, type DataSource } from "../data/source.js";
import { TABS, type Tab } from "../ui/hooks/use-ui.js";
import { parseCommandArgs, UserError, type Command } from "./shared.js";

const usage = `Usage: parley [ui] [options]

The terminal UI: the timeline with filters and each event's reports, the
actors, the articles with a reader that marks what was found in the text, and
ingest of files and folders. Press ? inside for the keys, q to quit.
On the first start on the default store, ./seeds (when there is one) goes in.
NO_COLOR=1 marks with brackets and inverse text instead of colours.

Options:
  --view ${TABS.join("|")}   the view to start in (default: timeline)
${SOURCE_HELP}
  -h, --help              this help

Exit codes: 0 quit with q, 2 bad options or no terminal on standard input,
3 the store or the API cannot be reached.`;

/** `parley` / `parley ui`: the Ink UI on the embedded store or a remote API. */
export const uiCommand: Command = {
  name: "ui",
  summary: "the terminal UI (what plain `parley` starts)",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs("ui", args, {
      view: { type: "string" },
      ...SOURCE_ARGS,
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.out(`${usage}\n`);
      return EXIT.ok;
    }
    if (positionals.length > 0) throw new UserError(`unexpected argument ${JSON.stringify(positionals[0])} (see 'parley ui --help')`);
    const view = (values.view ?? "timeline") as Tab;
    if (!TABS.includes(view)) throw new UserError(`--view ${JSON.stringify(values.view)}: expected one of ${TABS.join(", ")}`);
    if (!process.stdin.isTTY) {
      // Without a terminal there are no keys (Ink needs raw mode) and nothing to quit with: say what to use instead.
      io.err("parley: the terminal UI needs a terminal on standard input; in scripts use parley timeline, export or ingest (see parley --help)\n");
      return EXIT.usage;
    }
    let source;
    try {
      source = await openSource(values);
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      io.err(`parley: ${error.message}\n`);
      return EXIT.unavailable;
    }
    // The first start on the default store: the seeds of the working folder go in, as `npm start` does.
    if (!values.api && !values.db && !process.env.PARLEY_DATABASE_URL) await seedOnFirstStart(source, io);
    const [{ render }, React, { App }] = await Promise.all([import("ink"), import("react"), import("../app.js")]);
    try {
      const instance = render(React.createElement(App, { source, initialView: view }), { exitOnCtrlC: true });
      await instance.waitUntilExit();
      return EXIT.ok;
    } finally {
      await source.close();
    }
  },
};

/** Ingests `./seeds` when the store has no article yet; says so on stderr. */
async function seedOnFirstStart(source: DataSource, io: { err(text: string): void }): Promise<void> {
  if (!existsSync("seeds") || !statSync("seeds").isDirectory()) return;
  try {
    const { items } = await source.listArticles({ limit: 1 });
    if (items.length > 0) return;
    const report = await source.ingestPaths(["seeds"]);
    io.err(`parley: first start: ${report.stored.length} seed article${report.stored.length === 1 ? "" : "s"} from ./seeds went in${report.skipped.length ? `, ${report.skipped.length} skipped` : ""}\n`);
  } catch (error) {
    // The UI shows the store's error itself.
    io.err(`parley: seeding skipped: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}
