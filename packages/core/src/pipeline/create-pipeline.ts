import type { Doc, PipelineContext, Stage } from "./types.js";

/** Runs the stages in order; each sees the Doc the previous one returned. */
export function createPipeline(stages: readonly Stage[]): (doc: Doc, ctx: PipelineContext) => Doc {
  return (doc, ctx) => stages.reduce((d, stage) => stage(d, ctx), doc);
}
