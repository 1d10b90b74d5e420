export * from "./corpus.js";
