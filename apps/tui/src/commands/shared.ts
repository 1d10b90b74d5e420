import { readFile, readdir, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { z } from "zod";
import { LanguageSchema, PublishedAtSchema } from "@parley/core/model";

/** Where a command reads and writes; tests and the Ink UI can supply their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** The whole of standard input. */
  stdin(): Promise<Buffer>;
}

/** One command of `parley`. */
export interface Command {
  name: string;
  /** One line for `parley --help`. */
  summary: string;
  /** The text of `parley NAME --help`. */
  usage: string;
  /** Runs with the arguments after the command name; resolves to the exit code. */
  run(args: string[], io: Io): Promise<number>;
}

/** A mistake of the user (bad option, missing file): a message and exit code 2, no stack. */
export class UserError extends Error {
  override name = "UserError";
  readonly exitCode = 2;
}

/** The process's own streams. */
export function processIo(): Io {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    stdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
      return Buffer.concat(chunks);
    },
  };
}

/** What {@link parseCommandArgs} returns: typed `values` and the `positionals`. */
export type ParsedArgs<T extends OptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>
>;

/** The option table of a command, as `node:util` parseArgs takes it. */
export type OptionsConfig = NonNullable<ParseArgsConfig["options"]>;

/**
 * Parses a command's arguments strictly (unknown options are errors) and
 * turns Node's parse errors into {@link UserError}s that name the command.
 */
export function parseCommandArgs<T extends OptionsConfig>(command: string, args: string[], options: T): ParsedArgs<T> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const e = error as { code?: string; message?: string };
    const hint = `see 'parley ${command} --help'`;
    if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      const option = /'([^']+)'/.exec(e.message ?? "")?.[1] ?? "";
      throw new UserError(`unknown option ${option} (${hint})`);
    }
    if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      const option = /'(--?[\w-]+)/.exec(e.message ?? "")?.[1] ?? "an option";
      const missing = /argument missing/.test(e.message ?? "");
      throw new UserError(`${option} ${missing ? "needs a value" : "takes no value"} (${hint})`);
    }
    throw new UserError(`${e.message ?? String(error)} (${hint})`);
  }
}

/** A short reason from a file system error. */
export function reasonOf(error: unknown): string {
  switch ((error as NodeJS.ErrnoException)?.code) {
    case "ENOENT":
      return "no such file or directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory";
    case "ENOTDIR":
      return "not a directory";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** Decodes UTF-8 strictly: a file in another encoding is an error, not mojibake. A BOM is dropped. */
export function decodeUtf8(bytes: Uint8Array, label: string): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(`${label}: not UTF-8 text (convert it, e.g. iconv -f latin1 -t utf-8)`);
  }
  // UTF-16 without a byte order mark decodes as "valid" UTF-8 full of NULs.
  if (text.includes("\u0000")) throw new UserError(`${label}: not a UTF-8 text file (it contains NUL bytes: binary, or UTF-16?)`);
  return text;
}

/** Reads a text file as strict UTF-8. */
export async function readTextFile(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new UserError(`${path}: ${reasonOf(error)}`);
  }
  return decodeUtf8(bytes, path);
}

/** Reads and parses a JSON file; syntax errors name the file. */
export async function readJsonFile(path: string): Promise<unknown> {
  const text = await readTextFile(path);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UserError(`${path}: not valid JSON: ${(error as Error).message}`);
  }
}

/** Validates with a zod schema; the issues name the file. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, label: string, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new UserError(`${label}: not ${what}:\n${z.prettifyError(result.error)}`);
  return result.data;
}

/** Whether a path is a file or a folder; a missing path is a user error. */
export async function kindOf(path: string): Promise<"file" | "dir"> {
  try {
    const s = await stat(path);
    return s.isDirectory() ? "dir" : "file";
  } catch (error) {
    throw new UserError(`${path}: ${reasonOf(error)}`);
  }
}

/** The files of a folder with a suffix, sorted by name (not recursive). */
export async function listFiles(dir: string, suffix: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new UserError(`${dir}: ${reasonOf(error)}`);
  }
  return names
    .filter((n) => n.endsWith(suffix) && !n.startsWith("."))
    .sort()
    .map((n) => join(dir, n));
}

/** What `NAME.meta.json` beside `NAME.txt` may say; unknown fields are ignored. */
export const ArticleMetaSchema = z.object({
  title: z.string().nullable().optional(),
  language: LanguageSchema.nullable().optional(),
  publishedAt: PublishedAtSchema.nullable().optional(),
  source: z.string().nullable().optional(),
  url: z.string().nullable().optional(),
});
export type ArticleMeta = z.infer<typeof ArticleMetaSchema>;

/** `dir/NAME.txt` → `dir/NAME.meta.json`. */
export function metaPathOf(file: string): string {
  const name = basename(file);
  const stem = name.endsWith(".txt") ? name.slice(0, -".txt".length) : name;
  return join(dirname(file), `${stem}.meta.json`);
}

/** The metadata beside an article, or an empty object when there is none. */
export async function readMeta(file: string): Promise<ArticleMeta> {
  const path = metaPathOf(file);
  try {
    await stat(path);
  } catch {
    return {};
  }
  return parseWith(ArticleMetaSchema, await readJsonFile(path), path, "article metadata");
}

/** `--published`: a calendar date YYYY-MM-DD, or a date and time (read as its date). */
export function parsePublished(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const date = PublishedAtSchema.safeParse(value);
  if (!date.success) {
    throw new UserError(
      `--published ${JSON.stringify(value)}: expected a calendar date YYYY-MM-DD, e.g. 2025-06-03, or a date and time, e.g. 2025-06-03T14:05:00+02:00`,
    );
  }
  return date.data;
}

/** `--lang de|en|auto`: auto (the default) lets the extractor detect the language. */
export function parseLang(value: string | undefined): "de" | "en" | "auto" | undefined {
  if (value === undefined) return undefined;
  if (value === "de" || value === "en" || value === "auto") return value;
  throw new UserError(`--lang ${JSON.stringify(value)}: expected de, en or auto`);
}
