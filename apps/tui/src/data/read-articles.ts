import { readFile, readdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import type { ArticleInput } from "@parley/core/model";
// The same reading of `.meta.json` as `parley extract`: one rule for the whole command line.
import { ArticleMetaSchema, metaPathOf } from "../commands/shared.js";

/** A file read from disk: its article, or why it cannot be one. */
export type ReadResult = { file: string; input: ArticleInput } | { file: string; reason: string };

/** A short, stable reason from a Node error ("no such file or directory"). */
export function reasonOf(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e?.code) {
    case "ENOENT":
      return "no such file or directory";
    case "ENOTDIR":
      return "not a directory (a file stands where a folder is expected)";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory";
    default: {
      // A zod error from the store: its first issue says enough.
      const issues = (error as { issues?: Array<{ path?: PropertyKey[]; message: string }> })?.issues;
      if (Array.isArray(issues) && issues[0]) {
        const path = (issues[0].path ?? []).map(String).join(".");
        return path ? `${path}: ${issues[0].message}` : issues[0].message;
      }
      return e instanceof Error ? e.message : String(error);
    }
  }
}

/** Reads one `.txt` and its optional `.meta.json`; never throws. */
export async function readArticleFile(file: string): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { file, reason: reasonOf(error) };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { file, reason: "not UTF-8 text" };
  }
  if (text.trim() === "") return { file, reason: "text is empty" };
  let meta: Record<string, unknown> = {};
  const metaFile = metaPathOf(file);
  let raw: string | null = null;
  try {
    raw = await readFile(metaFile, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") return { file, reason: `${basename(metaFile)}: ${reasonOf(error)}` };
  }
  if (raw !== null) {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return { file, reason: `${basename(metaFile)} is not valid JSON` };
    }
    const parsed = ArticleMetaSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { file, reason: `${basename(metaFile)}: ${issue ? `${issue.path.join(".") || "(root)"}: ${issue.message}` : "invalid"}` };
    }
    // null means "not given": the article input leaves the field out.
    meta = Object.fromEntries(Object.entries(parsed.data).filter(([k, v]) => v !== null || k !== "language"));
  }
  return { file, input: { ...meta, text } as ArticleInput };
}

/** The `.txt` files of a folder, sorted by name; throws when it is not a readable folder. */
export async function listArticleFiles(folder: string): Promise<string[]> {
  const names = await readdir(folder);
  return names
    .filter((n) => n.endsWith(".txt"))
    .sort()
    .map((n) => join(folder, n));
}

/** "file", "folder", or why the path can't be read. */
export async function kindOfPath(path: string): Promise<"file" | "folder" | { reason: string }> {
  try {
    const s = await stat(path);
    if (s.isDirectory()) return "folder";
    // "seeds/x.txt/" names a folder; stat follows it only if it is one.
    if (path.endsWith("/")) return { reason: reasonOf({ code: "ENOTDIR" }) };
    return "file";
  } catch (error) {
    return { reason: reasonOf(error) };
  }
}
