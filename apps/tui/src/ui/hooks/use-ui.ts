import { createContext, useContext, type MutableRefObject } from "react";
import type { Key } from "ink";
import type { Span } from "@parley/core/model";
import type { DataSource } from "../../data/source.js";

/** The views of the UI; the first four are tabs. */
export type Screen =
  | { view: "timeline" }
  | { view: "actors" }
  | { view: "articles" }
  | { view: "ingest" }
  | { view: "event"; id: string }
  | { view: "actor"; id: string }
  | { view: "reader"; articleId: string; focus?: Span[] };

/** A view's key handler, and whether it takes keys now. */
export interface KeyTarget {
  handler(input: string, key: Key): void;
  active: boolean;
}

export const TABS = ["timeline", "actors", "articles", "ingest"] as const;
export type Tab = (typeof TABS)[number];

/** What every view may reach: the data, the look, and the navigation. */
export interface Ui {
  source: DataSource;
  /** False without a TTY: Ink's useInput would throw. */
  inputEnabled: boolean;
  noColor: boolean;
  /** Bumped after an ingest, so that views load again. */
  dataVersion: number;
  bumpData(): void;
  /** A view tells when a text prompt takes the keys, so that q and Tab type. */
  setCapturing(capturing: boolean): void;
  open(screen: Screen): void;
  back(): void;
  /** Adds a view's key handler to the App's one listener; returns the removal. */
  registerKeys(target: MutableRefObject<KeyTarget>): () => void;
}

export const UiContext = createContext<Ui | null>(null);

export function useUi(): Ui {
  const ui = useContext(UiContext);
  if (!ui) throw new Error("useUi outside <App>");
  return ui;
}
