import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { DocumentSchema, type ArticleInput } from "@parley/core/model";
import { z } from "zod";

/** What a `.meta.json` beside a `.txt` may say; unknown keys are ignored. */
export const ArticleMetaSchema = DocumentSchema.pick({
  title: true,
  source: true,
  url: true,
  publishedAt: true,
  language: true,
});
export type ArticleMeta = z.infer<typeof ArticleMetaSchema>;

/** One file of a folder: an article to ingest, or why it is skipped. */
export type FolderItem =
  | { file: string; input: ArticleInput }
  | { file: string; skip: string };

/** The `.txt` files of a folder (not its subfolders), sorted by name. */
export async function listArticleFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".txt"))
    .map((e) => e.name)
    .sort();
}

/**
 * Reads `name` (a `.txt`) and its `.meta.json`, if there is one. The text must
 * be UTF-8 (a lone Latin-1 byte is an error, not a replacement character) and
 * the metadata valid JSON of the right shape; otherwise the file is skipped
 * with the name of the file at fault and the reason.
 */
export async function readArticleFile(dir: string, name: string): Promise<FolderItem> {
  const metaName = `${name.slice(0, -".txt".length)}.meta.json`;
  let text: string;
  try {
    const bytes = await readFile(join(dir, name));
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    const reason = error instanceof TypeError ? "not valid UTF-8" : `cannot read: ${(error as Error).message}`;
    return { file: name, skip: reason };
  }
  if (!text.trim()) return { file: name, skip: "empty text" };
  if (text.length > 1_000_000) return { file: name, skip: "text is longer than 1,000,000 characters" };

  let meta: ArticleMeta = {};
  let raw: string | null = null;
  try {
    raw = await readFile(join(dir, metaName), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      return { file: metaName, skip: `cannot read: ${(error as Error).message}` };
    }
  }
  if (raw !== null) {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      return { file: metaName, skip: `malformed JSON: ${(error as Error).message}` };
    }
    const parsed = ArticleMetaSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { file: metaName, skip: `invalid metadata: ${issue?.path.join(".") || "(root)"}: ${issue?.message}` };
    }
    meta = parsed.data;
  }
  return { file: name, input: { ...meta, text } };
}
