/** Cursors are opaque to clients: base64url of a JSON value. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

/** The value of a cursor, or an error a client can read. */
export function decodeCursor<T>(cursor: string, check: (v: unknown) => v is T): T {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new InvalidCursorError(cursor);
  }
  if (!check(value)) throw new InvalidCursorError(cursor);
  return value;
}

export class InvalidCursorError extends Error {
  constructor(cursor: string) {
    super(`invalid cursor "${cursor.slice(0, 40)}"`);
    this.name = "InvalidCursorError";
  }
}

export const isString = (v: unknown): v is string => typeof v === "string";
export const isOffset = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;
export const isStringPair = (v: unknown): v is [string, string] =>
  Array.isArray(v) && v.length === 2 && typeof v[0] === "string" && typeof v[1] === "string";
