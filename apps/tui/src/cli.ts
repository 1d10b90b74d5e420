import { pathToFileURL } from "node:url";
import packageJson from "../package.json" with { type: "json" };
import { UserError, processIo, type Command, type Io } from "./commands/shared.js";

/** A command of the table: loaded only when it runs, so `parley --help` stays fast. */
interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<Command>;
}

/** Every command of `parley`, in the order of `parley --help`. Adding a command is one line. */
export const COMMANDS: readonly CommandEntry[] = [
  { name: "extract", summary: "extract events, actors, dates and quotes from articles as JSON", load: async () => (await import("./commands/extract.js")).extractCommand },
  { name: "eval", summary: "score the extractor against gold files", load: async () => (await import("./commands/eval.js")).evalCommand },
  { name: "ingest", summary: "store articles from files and folders, with progress and a report", load: async () => (await import("./commands/ingest.js")).ingestCommand },
  { name: "timeline", summary: "print the merged timeline (filters; table, json, ndjson or csv)", load: async () => (await import("./commands/timeline.js")).timelineCommand },
  { name: "export", summary: "export the timeline and extractions (json, ndjson, csv, plover)", load: async () => (await import("./commands/export.js")).exportCommand },
  { name: "serve", summary: "start the HTTP API on the store", load: async () => (await import("./commands/serve.js")).serveCommand },
  { name: "ui", summary: "the terminal UI (what `parley` with no arguments starts)", load: async () => (await import("./commands/ui.js")).uiCommand },
];

const help = (): string =>
  [
    "Usage: parley COMMAND [options]",
    "",
    "Typed, sourced records of diplomatic negotiations from German and English news.",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(10)}${c.summary}`),
    "",
    "Options:",
    "  -h, --help     this help; 'parley COMMAND --help' for a command's",
    "  -V, --version  the versions of parley and its extractor",
    "",
  ].join("\n");

/** Runs `parley` with the arguments after the program name; resolves to the exit code. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  // No arguments, or only options such as --db: the terminal UI.
  if (argv.length === 0 || (argv[0]!.startsWith("--") && !["--help", "--version"].includes(argv[0]!))) return main(["ui", ...argv], io);
  const [first, ...rest] = argv;
  if (first === undefined || first === "--help" || first === "-h" || first === "help") {
    if (first === "help" && rest[0]) return main([rest[0], "--help"], io);
    io.out(help());
    return 0;
  }
  if (first === "--version" || first === "-V") {
    const { EXTRACTOR_VERSION } = await import("@parley/core");
    io.out(`parley ${packageJson.version} (extractor ${EXTRACTOR_VERSION})\n`);
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === first);
  if (!entry) {
    const what = first.startsWith("-") ? `unknown option ${first}` : `unknown command '${first}'`;
    io.err(`parley: ${what}; the commands are ${COMMANDS.map((c) => c.name).join(", ")} (see 'parley --help')\n`);
    return 2;
  }
  try {
    const command = await entry.load();
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UserError) {
      io.err(`parley ${entry.name}: ${error.message}\n`);
      return error.exitCode;
    }
    // A bug, not a mistake of the user: the stack helps whoever fixes it.
    io.err(`parley ${entry.name}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

// `node dist/cli.js …` works as well as bin/parley.mjs.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
