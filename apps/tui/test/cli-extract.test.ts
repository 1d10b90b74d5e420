import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ExtractionSchema } from "@parley/core/model";
import { SEED, SEEDS, SHIPPED_BIN, STACK_FRAME, folder, parley, removeFolders } from "./run-cli.js";

afterAll(removeFolders);

const ENGLISH = "Russian and Ukrainian delegations met in Istanbul on 16 May. The talks lasted more than an hour.\n";
const LATIN1 = Buffer.from("Die Delegationen trafen sich in K\xf6ln.\n", "latin1");

describe("parley extract", () => {
  it("prints one compact JSON object for one file, with the metadata beside it", () => {
    const r = parley(["extract", SEED]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split("\n")).toHaveLength(1);
    const x = ExtractionSchema.parse(JSON.parse(r.stdout));
    expect(x.document).toMatchObject({ language: "de", publishedAt: null });
    expect(x.document.title).toMatch(/^Vor Beginn der internationalen Verhandlungen/);
  });

  it("indents with --pretty", () => {
    const r = parley(["extract", SEED, "--pretty"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").length).toBeGreaterThan(5);
    expect(r.stdout).toMatch(/^\{\n {2}"document"/);
    ExtractionSchema.parse(JSON.parse(r.stdout));
  });

  it("prints NDJSON for a folder: one valid extraction per .txt, sorted, each with its file", () => {
    const dir = folder({ "b.txt": ENGLISH, "a.txt": "Die Delegationen trafen sich am 16. Mai in Istanbul.\n", "notes.md": "# not an article" });
    const r = parley(["extract", dir]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as { file: string });
    expect(lines.map((l) => l.file)).toEqual(["a.txt", "b.txt"]);
    for (const line of lines) ExtractionSchema.parse(line);
  });

  it("prints NDJSON for several files, the seeds folder included", () => {
    const dir = folder({ "en.txt": ENGLISH });
    const r = parley(["extract", join(dir, "en.txt"), SEEDS, "--lang", "auto"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n").map((l) => ExtractionSchema.parse(JSON.parse(l)));
    expect(lines).toHaveLength(2);
  });

  it("reads standard input with -, and the flags set language and publication date", () => {
    const r = parley(["extract", "-", "--lang", "en", "--published", "2025-06-03"], ENGLISH);
    expect(r.code).toBe(0);
    const x = ExtractionSchema.parse(JSON.parse(r.stdout));
    expect(x.document).toMatchObject({ language: "en", publishedAt: "2025-06-03" });
  });

  it("reads NAME.meta.json, and flags override it", () => {
    const meta = JSON.stringify({ title: "Talks", language: "en", publishedAt: "2025-05-17", source: "Example", url: null, extra: 1 });
    const dir = folder({ "talks.txt": ENGLISH, "talks.meta.json": meta });
    const fromMeta = ExtractionSchema.parse(JSON.parse(parley(["extract", join(dir, "talks.txt")]).stdout));
    expect(fromMeta.document).toMatchObject({ title: "Talks", language: "en", publishedAt: "2025-05-17" });
    const overridden = ExtractionSchema.parse(JSON.parse(parley(["extract", join(dir, "talks.txt"), "--published", "2025-06-01"]).stdout));
    expect(overridden.document.publishedAt).toBe("2025-06-01");
    // Feeds give a date and time: it is read as the date the publisher wrote.
    const timed = ExtractionSchema.parse(JSON.parse(parley(["extract", join(dir, "talks.txt"), "--published", "2025-06-01T23:30:00-04:00"]).stdout));
    expect(timed.document.publishedAt).toBe("2025-06-01");
  });

  it("accepts a UTF-8 byte order mark", () => {
    const dir = folder({ "bom.txt": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ENGLISH)]) });
    const r = parley(["extract", join(dir, "bom.txt")]);
    expect(r.code).toBe(0);
    ExtractionSchema.parse(JSON.parse(r.stdout));
  });

  const bad = folder({
    "latin1.txt": LATIN1,
    "empty.txt": "  \n",
    "utf16.txt": Buffer.from("Die Delegationen trafen sich.", "utf16le"),
    "huge.txt": "Die Delegationen trafen sich. ".repeat(40_000),
    "badmeta.txt": ENGLISH,
    "badmeta.meta.json": "{ title: ",
    "wrongmeta.txt": ENGLISH,
    "wrongmeta.meta.json": JSON.stringify({ publishedAt: "17.05.2025" }),
  });
  const emptyDir = folder({});

  it.each([
    ["a missing file", ["extract", "no/such/file.txt"], "", /no\/such\/file\.txt: no such file or directory/],
    ["an unknown option", ["extract", SEED, "--fast"], "", /unknown option --fast/],
    ["an option without its value", ["extract", SEED, "--lang"], "", /--lang needs a value/],
    ["a value for a flag", ["extract", SEED, "--json=yes"], "", /--json takes no value/],
    ["a bad --published date", ["extract", SEED, "--published", "2025-02-30"], "", /--published "2025-02-30": expected a calendar date YYYY-MM-DD/],
    ["a --published that is no date at all", ["extract", SEED, "--published", "yesterday"], "", /expected a calendar date/],
    ["an unknown language", ["extract", SEED, "--lang", "fr"], "", /--lang "fr": expected de, en or auto/],
    ["a file that is not UTF-8", ["extract", join(bad, "latin1.txt")], "", /latin1\.txt: not UTF-8/],
    ["standard input that is not UTF-8", ["extract", "-"], LATIN1, /standard input: not UTF-8/],
    ["an empty file", ["extract", join(bad, "empty.txt")], "", /empty\.txt: the text is empty/],
    ["UTF-16 without a byte order mark", ["extract", join(bad, "utf16.txt")], "", /utf16\.txt: not a UTF-8 text file \(it contains NUL bytes/],
    ["a file over the size limit", ["extract", join(bad, "huge.txt")], "", /huge\.txt: the text is longer than 1,000,000 characters/],
    ["metadata that is not JSON", ["extract", join(bad, "badmeta.txt")], "", /badmeta\.meta\.json: not valid JSON/],
    ["metadata with a bad date", ["extract", join(bad, "wrongmeta.txt")], "", /wrongmeta\.meta\.json: not article metadata[\s\S]*publishedAt/],
    ["a folder without .txt files", ["extract", emptyDir], "", /no \.txt files/],
    ["no input at all", ["extract"], "", /give a FILE, a DIR or -/],
    ["--pretty with several articles", ["extract", SEEDS, "--pretty"], "", /--pretty prints one article/],
    ["--json with --pretty", ["extract", SEED, "--json", "--pretty"], "", /exclude each other/],
    ["standard input twice", ["extract", "-", "-"], ENGLISH, /given twice/],
    ["an unknown command", ["extrakt", SEED], "", /unknown command 'extrakt'/],
  ])("exits 2 with a message for %s", (_label, args, input, message) => {
    const r = parley(args, input);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(r.stdout).toBe("");
  });

  it("goes on past a bad file of a folder, and exits 2 at the end", () => {
    const dir = folder({ "a.txt": ENGLISH, "b.txt": LATIN1, "c.txt": ENGLISH });
    const r = parley(["extract", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/b\.txt: not UTF-8/);
    expect(r.stdout.trimEnd().split("\n").map((l) => (JSON.parse(l) as { file: string }).file)).toEqual(["a.txt", "c.txt"]);
  });
});

describe("parley help and version", () => {
  it.each([
    [["--help"], /Usage: parley COMMAND[\s\S]*extract[\s\S]*eval/],
    [["-h"], /Usage: parley COMMAND/],
    [["help", "eval"], /Usage: parley eval/],
    [["extract", "--help"], /Usage: parley extract FILE\|DIR\|-/],
    [["eval", "-h"], /Usage: parley eval GOLD/],
    [["--version"], /^parley \d+\.\d+\.\d+ \(extractor \S+\)\n$/],
  ])("parley %j prints %s and exits 0", (args, out) => {
    const r = parley(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(out);
    expect(r.stderr).toBe("");
  });

  it("says how to build when dist is missing", () => {
    const dir = folder({});
    mkdirSync(join(dir, "bin"));
    copyFileSync(SHIPPED_BIN, join(dir, "bin", "parley.mjs"));
    const r = parley(["--help"], "", join(dir, "bin", "parley.mjs"));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("parley is not built: run npm run build\n");
  });
});
