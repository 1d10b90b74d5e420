import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GOLD, SEEDS, STACK_FRAME, folder, parley, removeFolders } from "./run-cli.js";

afterAll(removeFolders);

const SUMMARY = /^SUMMARY actors_f1=\d\.\d{3} events_f1=\d\.\d{3} timexes_f1=\d\.\d{3} quotes_f1=\d\.\d{3}( [a-z_0-9]+=\S+)*$/;
const lastLine = (s: string) => s.trimEnd().split("\n").at(-1) ?? "";

const ARTICLE = "Russian and Ukrainian delegations met in Istanbul on 16 May.\nThe talks lasted more than an hour.\n";
const GOOD_GOLD = {
  file: "talks.txt",
  language: "en",
  actors: [{ key: "RUS", kind: "state", country: "RUS", names: ["Russia", "Russian"] }],
  timexes: [{ text: "16 May", type: "DATE", value: "XXXX-05-16" }],
  events: [{ key: "E1", type: "meeting", sentences: ["delegations met in Istanbul"], countries: ["RUS", "UKR"], date: "XXXX-05-16" }],
  negatives: [],
  quotes: [],
};

describe("parley eval", () => {
  it("scores the seed, prints a table per article, the totals, and SUMMARY last", () => {
    const r = parley(["eval", GOLD, "--articles", SEEDS]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^000_d9bf279fc9ea0bf9\.txt\n/);
    expect(r.stdout).toMatch(/TOTAL \(1 article, micro-averaged\)/);
    for (const row of ["actors", "events", "timexes", "quotes"]) expect(r.stdout).toMatch(new RegExp(`^  ${row} +\\d+ +\\d+ +\\d+ `, "m"));
    expect(r.stdout).toMatch(/date .*place .*duration .*countries/);
    expect(r.stdout).toMatch(/timexes: values/);
    expect(r.stdout).toMatch(/quotes: speaker/);
    expect(lastLine(r.stdout)).toMatch(SUMMARY);
    expect(lastLine(r.stdout)).toMatch(/ articles=1$/);
  });

  it("runs as the root package's eval script does (paths relative to the root)", () => {
    const script = (JSON.parse(readFileSync(join(SEEDS, "..", "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts.eval ?? "";
    const args = /parley\.mjs (.*)$/.exec(script)?.[1]?.split(" ") ?? [];
    expect(args[0]).toBe("eval");
    const r = parley(args);
    expect(r.code).toBe(0);
    expect(lastLine(r.stdout)).toMatch(SUMMARY);
  });

  it("prints pure JSON with --json", () => {
    const r = parley(["eval", GOLD, "--articles", SEEDS, "--json"]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      articles: { file: string; actors: { f1: number }; details?: unknown }[];
      total: { articles: number; events: { f1: number; date: { total: number } } };
      summary: string;
    };
    expect(report.articles.map((a) => a.file)).toEqual(["000_d9bf279fc9ea0bf9.txt"]);
    expect(typeof report.articles[0]?.actors.f1).toBe("number");
    expect(report.articles[0]?.details).toBeUndefined();
    expect(report.total.articles).toBe(1);
    expect(report.summary).toMatch(SUMMARY);
  });

  it("lists missed and false items per article with --verbose", () => {
    const r = parley(["eval", GOLD, "--articles", SEEDS, "--verbose"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}(missed|false|wrong|nothing missed)/m);
    expect(lastLine(r.stdout)).toMatch(SUMMARY);
    const json = JSON.parse(parley(["eval", GOLD, "--articles", SEEDS, "--verbose", "--json"]).stdout) as { articles: { details: object }[] };
    expect(json.articles[0]?.details).toHaveProperty("missed");
  });

  it("accepts any folder of gold files, and a single gold file, with articles beside them by default", () => {
    const dir = folder({ "talks.txt": ARTICLE, "talks.gold.json": JSON.stringify(GOOD_GOLD) });
    const r = parley(["eval", dir]);
    expect(r.code).toBe(0);
    expect(lastLine(r.stdout)).toMatch(SUMMARY);
    const one = parley(["eval", join(dir, "talks.gold.json")]);
    expect(one.code).toBe(0);
    expect(lastLine(one.stdout)).toMatch(/ articles=1$/);
  });

  it("warns about gold text that is not in the article", () => {
    const gold = { ...GOOD_GOLD, timexes: [{ text: "17 May", value: "XXXX-05-17" }] };
    const dir = folder({ "talks.txt": ARTICLE, "talks.gold.json": JSON.stringify(gold) });
    const r = parley(["eval", dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/gold warning: timex: "17 May" is not in the article/);
  });

  const bad = (gold: unknown, extra: Record<string, string> = {}) =>
    folder({ "talks.txt": ARTICLE, "x.gold.json": typeof gold === "string" ? gold : JSON.stringify(gold), ...extra });

  it.each([
    ["gold that is not JSON", () => ["eval", bad("{ file: ")], /x\.gold\.json: not valid JSON/],
    ["gold with an unknown actor kind", () => ["eval", bad({ ...GOOD_GOLD, actors: [{ key: "x", kind: "alien", names: ["X"] }] })], /x\.gold\.json: not a gold file[\s\S]*actors\[0\]\.kind/],
    ["gold with an unknown event type", () => ["eval", bad({ ...GOOD_GOLD, events: [{ key: "E", type: "party", sentences: ["met"] }] })], /x\.gold\.json: not a gold file[\s\S]*events\[0\]\.type/],
    ["gold without a file", () => ["eval", bad({ actors: [] })], /x\.gold\.json: not a gold file[\s\S]*file/],
    ["gold whose article is missing", () => ["eval", bad({ ...GOOD_GOLD, file: "gone.txt" })], /x\.gold\.json: its article gone\.txt is not in/],
    ["gold that is not UTF-8", () => ["eval", folder({ "x.gold.json": Buffer.from('{"file":"K\xf6ln.txt"}', "latin1") })], /x\.gold\.json: not UTF-8/],
    ["a folder without gold files", () => ["eval", folder({ "talks.txt": ARTICLE })], /no \*\.gold\.json files/],
    ["a missing gold folder", () => ["eval", "no/such/gold"], /no\/such\/gold: no such file or directory/],
    ["a missing articles folder", () => ["eval", GOLD, "--articles", "no/such/articles"], /no\/such\/articles: no such file or directory/],
    ["no gold folder", () => ["eval"], /give one GOLD folder or file/],
    ["an articles path that is a file", () => ["eval", GOLD, "--articles", join(SEEDS, "000_d9bf279fc9ea0bf9.txt")], /--articles .*: not a folder/],
    ["an unknown option", () => ["eval", GOLD, "--articels", SEEDS], /unknown option --articels/],
  ])("exits 2 with a message for %s", (_label, args, message) => {
    const r = parley(args());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(r.stdout).toBe("");
  });
});
