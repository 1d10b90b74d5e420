import { createHash } from "node:crypto";

/** The text as it is hashed: NFC, every run of white space one space, trimmed. */
export function normaliseText(text: string): string {
  return text.normalize("NFC").replace(/\s+/gu, " ").trim();
}

/** An article's id: the SHA-256 (hex) of its normalised text, so the same report is stored once. */
export function articleIdOf(text: string): string {
  return createHash("sha256").update(normaliseText(text), "utf8").digest("hex");
}
