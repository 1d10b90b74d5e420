export * from "./model/index.js";
export { extract, createExtractor, detectLanguage, EXTRACTOR_VERSION, STAGES, type ExtractOptions, type Extractor, type ExtractorOptions } from "./extract.js";
export { KnowledgeBase, loadKnowledgeBase } from "./knowledge/knowledge-base.js";
export { fold, slug } from "./text/fold.js";
