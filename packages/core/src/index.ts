export * from "./model/index.js";
export { extract, EXTRACTOR_VERSION, type ExtractOptions } from "./extract.js";
