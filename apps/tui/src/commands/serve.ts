import { once } from "node:events";
import { databaseUrlOf, EXIT } from "../data/open-source.js";
import { parseCommandArgs, UserError, type Command } from "./shared.js";

const usage = `Usage: parley serve [options]

Starts the Parley HTTP API (/v1, /docs, /healthz) on the store, until Ctrl-C
(SIGINT) or SIGTERM. Prints the URL it listens on to standard output.

Options:
  --host H                address to listen on (default: HOST, else 127.0.0.1);
                          beyond loopback a token is required
  --port N                port, 0 for any free one (default: PORT, else 3000)
  --db URL                the store: sqlite:PATH or postgres://… (default:
                          PARLEY_DATABASE_URL, else sqlite:./data/parley.db)
  --token T               bearer token that writes need (default: PARLEY_API_TOKEN)
  -h, --help              this help

Exit codes: 0 stopped by a signal, 2 bad options or a host refused without a
token, 3 the store cannot be opened or the port is taken.`;

/** `parley serve`: the API of apps/api, started in this process. */
export const serveCommand: Command = {
  name: "serve",
  summary: "start the HTTP API on the store",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs("serve", args, {
      host: { type: "string" },
      port: { type: "string" },
      db: { type: "string" },
      token: { type: "string" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.out(`${usage}\n`);
      return EXIT.ok;
    }
    if (positionals.length > 0) throw new UserError(`unexpected argument ${JSON.stringify(positionals[0])} (see 'parley serve --help')`);
    const portText = values.port ?? process.env.PORT ?? "3000";
    const port = Number(portText);
    if (!/^\d+$/.test(portText) || port > 65_535) throw new UserError(`--port ${JSON.stringify(portText)}: expected a port 0..65535`);
    const host = values.host ?? process.env.HOST ?? "127.0.0.1";
    // An empty token is no token: PARLEY_API_TOKEN= must not lock every write behind "Bearer ".
    const token = values.token || process.env.PARLEY_API_TOKEN || null;
    const databaseUrl = databaseUrlOf(values);

    const { startServer, UnsafeListenError } = await import("@parley/api");
    let server: Awaited<ReturnType<typeof startServer>>;
    try {
      server = await startServer({ host, port, databaseUrl, token, logger: false });
    } catch (error) {
      if (error instanceof UnsafeListenError) throw new UserError((error as Error).message);
      const e = error as NodeJS.ErrnoException;
      io.err(`parley serve: cannot start on ${host}:${port} with ${databaseUrl}: ${e.code === "EADDRINUSE" ? "the port is taken" : e.message}\n`);
      return EXIT.unavailable;
    }
    io.out(`${server.url}\n`);
    io.err(`parley serve: listening on ${server.url} (store ${databaseUrl}); Ctrl-C stops\n`);
    const signal = await Promise.race([once(process, "SIGINT"), once(process, "SIGTERM")]);
    io.err(`parley serve: ${String(signal[0] ?? "signal")}, closing\n`);
    await server.close();
    return EXIT.ok;
  },
};
