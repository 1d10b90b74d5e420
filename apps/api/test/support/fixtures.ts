import { readFileSync } from "node:fs";
import { ProblemSchema } from "../../src/problem.js";
import { expect } from "vitest";

const SEEDS = new URL("../../../../seeds/", import.meta.url);

/** The seed article (German, on the Istanbul talks) and its metadata. */
export const SEED_TEXT = readFileSync(new URL("000_d9bf279fc9ea0bf9.txt", SEEDS), "utf8");
export const SEED_META = JSON.parse(readFileSync(new URL("000_d9bf279fc9ea0bf9.meta.json", SEEDS), "utf8")) as {
  title: string;
  language: "de" | "en";
};

export const TOKEN = "test-token-5b0c6f";
export const AUTH = { authorization: `Bearer ${TOKEN}` };

/** Short real sentences, one German and one English, for articles that tests make up. */
export const SENTENCES = {
  de: "Am 16. Mai trafen sich die Delegationen Russlands und der Ukraine in Istanbul zu direkten Verhandlungen.",
  en: "Russian and Ukrainian delegations met in Istanbul on May 16 for their first direct talks since 2022.",
};

/** Asserts an answer is a problem with this status, and returns the parsed problem. */
export function expectProblem(
  response: { statusCode: number; headers: Record<string, unknown>; body: string },
  status: number,
) {
  expect(response.statusCode, response.body).toBe(status);
  expect(String(response.headers["content-type"])).toMatch(/^application\/problem\+json/);
  const problem = ProblemSchema.parse(JSON.parse(response.body));
  expect(problem.status).toBe(status);
  expect(problem.detail.length).toBeGreaterThan(0);
  expect(response.body).not.toMatch(/\n\s+at /); // no stack traces
  return problem;
}
