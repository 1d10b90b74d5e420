import { createElement as h } from "react";
import { expect, vi } from "vitest";
import { render } from "ink-testing-library";
import { App } from "../src/app.js";
import type { DataSource } from "../src/data/source.js";
import type { Tab } from "../src/ui/hooks/use-ui.js";

/** Key sequences as a terminal sends them. */
export const KEY = {
  up: "\u001B[A",
  down: "\u001B[B",
  pageDown: "\u001B[6~",
  pageUp: "\u001B[5~",
  enter: "\r",
  escape: "\u001B",
  backspace: "\u007F",
  tab: "\t",
  shiftTab: "\u001B[Z",
  ctrlD: "\u0004",
  ctrlU: "\u0015",
};

/** What {@link renderApp} gives a test. */
export interface RenderedApp {
  stdin: { write(data: string): void };
  stdout: NodeJS.EventEmitter;
  unmount(): void;
  frame(): string;
  press(...keys: string[]): Promise<void>;
  type(text: string): Promise<void>;
  see(text: string | RegExp, timeout?: number): Promise<void>;
  notSee(text: string, timeout?: number): Promise<void>;
  selectedRow(): string;
}

/** Renders the App on a data source with helpers to type keys and wait for the screen. */
export function renderApp(source: DataSource, props: { initialView?: Tab; noColor?: boolean } = {}): RenderedApp {
  const r = render(h(App, { source, noColor: false, ...props }));
  const frame = () => r.lastFrame() ?? "";
  /** Types keys one at a time, as a person would: React renders between two keys. */
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      r.stdin.write(k);
      await new Promise((done) => setTimeout(done, 25));
    }
  };
  const type = (text: string) => press(...text.split(""));
  /** Waits until the frame shows `text` (or matches it). */
  const see = (text: string | RegExp, timeout = 10_000) =>
    vi.waitFor(() => (typeof text === "string" ? expect(frame()).toContain(text) : expect(frame()).toMatch(text)), { timeout, interval: 10 });
  const notSee = (text: string, timeout = 10_000) => vi.waitFor(() => expect(frame()).not.toContain(text), { timeout, interval: 10 });
  /** The row marked as selected (›). */
  const selectedRow = () => frame().split("\n").find((l) => l.trimStart().startsWith("›")) ?? "";
  return { stdin: r.stdin, stdout: r.stdout as unknown as NodeJS.EventEmitter, unmount: r.unmount, frame, press, type, see, notSee, selectedRow };
}
