import type { Extraction } from "@parley/core/model";

/** The form's values, echoed back so that nothing typed is lost. */
export interface IngestValues {
  text: string;
  language: string;
  publishedAt: string;
  title: string;
  source: string;
}

/** What the ingest action answers: errors per field, or the extraction to preview. */
export interface IngestState {
  status: "idle" | "error" | "preview";
  values: IngestValues;
  errors: Partial<Record<keyof IngestValues | "file" | "form", string>>;
  preview: Extraction | null;
  /** Increases with every answer, so the form re-reads its defaults. */
  seq: number;
}

export const emptyValues: IngestValues = { text: "", language: "", publishedAt: "", title: "", source: "" };
export const initialIngestState: IngestState = { status: "idle", values: emptyValues, errors: {}, preview: null, seq: 0 };
