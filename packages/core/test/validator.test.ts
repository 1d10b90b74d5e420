import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { extract } from "../src/extract.js";
import { compileValidator, ExtractionSchema, type Extraction } from "../src/model/index.js";

/*
 * The validator compiled from a zod schema must answer as zod does: the
 * extractor trusts it in place of zod's parse. Checked on every real
 * extraction of the seed and the golden articles, and on those extractions
 * broken at a random place in a random way.
 */

const REPO = path.resolve(__dirname, "../../..");
const GOLDEN = path.resolve(__dirname, "golden/articles");
const texts = [
  readFileSync(path.join(REPO, "seeds/000_d9bf279fc9ea0bf9.txt"), "utf8"),
  ...readdirSync(GOLDEN)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => readFileSync(path.join(GOLDEN, f), "utf8")),
];
const extractions: Extraction[] = texts.flatMap((text) => [extract({ text }, { validate: false }), extract({ text, publishedAt: "2025-06-03" }, { validate: false })]);
const isExtraction = compileValidator(ExtractionSchema);
const byZod = (v: unknown) => ExtractionSchema.safeParse(v).success;

/** Every path to a value inside `v`, objects' keys and arrays' indexes. */
function paths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (at.length) out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}

const NASTY: unknown[] = [null, undefined, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 0, "", "x", "meeting", "XX", "RUS", true, {}, [], [{}], { start: 0, end: 1, text: "a" }];

describe("compileValidator", () => {
  it("accepts every real extraction, as zod does", () => {
    for (const x of extractions) {
      expect(byZod(x)).toBe(true);
      expect(isExtraction(x)).toBe(true);
    }
  });

  it("is given extractions that serialise as zod's parse of them does (one key order everywhere)", () => {
    for (const x of extractions) expect(JSON.stringify(x)).toBe(JSON.stringify(ExtractionSchema.parse(x)));
  });

  it("answers as zod does on extractions broken at a random place", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: extractions.length - 1 }),
        fc.nat(),
        fc.constantFrom(...NASTY.map((v, i) => i), "delete", "extra key"),
        (which, where, how) => {
          const x = structuredClone(extractions[which]) as unknown as Record<string, unknown>;
          const all = paths(x);
          const p = all[where % all.length] as (string | number)[];
          const parent = p.slice(0, -1).reduce<Record<string | number, unknown>>((o, k) => o[k] as Record<string | number, unknown>, x);
          const key = p.at(-1) as string | number;
          if (how === "delete") delete parent[key];
          else if (how === "extra key") {
            if (parent[key] !== null && typeof parent[key] === "object" && !Array.isArray(parent[key])) (parent[key] as Record<string, unknown>).unexpected = 1;
          } else parent[key] = structuredClone(NASTY[how as number]);
          expect(isExtraction(x)).toBe(byZod(x));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("handles each kind of schema and check as zod does", () => {
    const schemas: [z.ZodType, unknown[]][] = [
      [z.string().min(2).max(3), ["ab", "abcd", "a", 5, null]],
      [z.string().regex(/^[A-Z]{3}$/u), ["RUS", "rus", "RUSS", ""]],
      [z.number().int().nonnegative(), [0, 3, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, "1"]],
      [z.number(), [1, -2.5, Number.NaN, Number.POSITIVE_INFINITY, "1"]],
      [z.number().min(-90).max(90), [-90, 90, 90.5, -91]],
      [z.number().gt(0).lt(1), [0, 0.5, 1]],
      [z.enum(["a", "b"]), ["a", "c", undefined]],
      [z.literal("x"), ["x", "y"]],
      [z.boolean(), [true, 0]],
      [z.string().nullable().optional(), [null, undefined, "s", 1]],
      [z.array(z.string()).min(1), [[], ["a"], ["a", 1], "a"]],
      [z.object({ a: z.string(), b: z.number().optional() }), [{ a: "x" }, { a: "x", b: 1 }, { a: "x", c: 1 }, { b: 1 }, [], null]],
      [z.strictObject({ a: z.string() }), [{ a: "x" }, { a: "x", c: 1 }]],
      [z.discriminatedUnion("t", [z.object({ t: z.literal("p"), n: z.number() }), z.object({ t: z.literal("q"), s: z.string() })]), [{ t: "p", n: 1 }, { t: "q", n: 1 }, { t: "r" }, { t: "q", s: "s" }]],
      [z.union([z.string(), z.number()]), ["s", 1, true]],
      // Kinds and checks it leaves to zod.
      [z.string().refine((s) => s.startsWith("a")), ["ab", "b"]],
      [z.string().email(), ["a@b.de", "nope"]],
      [z.object({ a: z.string() }).catchall(z.number()), [{ a: "x", b: 1 }, { a: "x", b: "y" }]],
      [z.record(z.string(), z.number()), [{ a: 1 }, { a: "1" }]],
      [z.coerce.number(), ["1", "x"]],
    ];
    for (const [schema, values] of schemas) {
      const check = compileValidator(schema);
      for (const v of values) expect(check(v), `${JSON.stringify(v)}`).toBe(schema.safeParse(v).success);
    }
  });
});
