import type { Extraction, Span } from "@parley/core/model";

/** What a stretch of article text is, for the reader's colours. */
export type Mark = "actor" | "place" | "timex" | "trigger";

/** One run of text with one look. */
export interface Run {
  text: string;
  mark: Mark | null;
  quote: boolean;
  /** Part of the evidence the reader was opened for. */
  focus: boolean;
}

export type Line = Run[];

/** Where a mark wins over another on the same character: the trigger is what the reader looks for. */
const PRIORITY: Record<Mark, number> = { trigger: 4, actor: 3, place: 2, timex: 1 };

/** Brackets around marks when colours are off (NO_COLOR). */
export const BRACKETS: Record<Mark, [string, string]> = {
  actor: ["[", "]"],
  place: ["{", "}"],
  timex: ["<", ">"],
  trigger: ["*", "*"],
};

interface Cell {
  ch: string;
  mark: Mark | null;
  quote: boolean;
  focus: boolean;
}

function clampSpan(span: Span, length: number): [number, number] | null {
  const start = Math.max(0, Math.min(span.start, length));
  const end = Math.max(start, Math.min(span.end, length));
  return end > start ? [start, end] : null;
}

/**
 * Splits the text into runs by what the extraction found in it. With `brackets`
 * (NO_COLOR), each mark is also enclosed in its brackets so that it shows
 * without colour.
 */
export function annotate(text: string, extraction: Pick<Extraction, "actors" | "places" | "timexes" | "events" | "quotes">, options: { focus?: Span[]; brackets?: boolean } = {}): Cell[] {
  const marks: (Mark | null)[] = new Array(text.length).fill(null);
  const quote = new Uint8Array(text.length);
  const focus = new Uint8Array(text.length);
  const put = (span: Span, mark: Mark) => {
    const r = clampSpan(span, text.length);
    if (!r) return;
    for (let i = r[0]; i < r[1]; i++) {
      const cur = marks[i];
      if (cur == null || PRIORITY[mark] > PRIORITY[cur]) marks[i] = mark;
    }
  };
  for (const a of extraction.actors) for (const m of a.mentions) put(m, "actor");
  for (const p of extraction.places) for (const m of p.mentions) put(m, "place");
  for (const t of extraction.timexes) put(t, "timex");
  for (const e of extraction.events) for (const t of e.triggers ?? []) put(t, "trigger");
  for (const q of extraction.quotes) {
    const r = clampSpan(q, text.length);
    if (r) quote.fill(1, r[0], r[1]);
  }
  for (const f of options.focus ?? []) {
    const r = clampSpan(f, text.length);
    if (r) focus.fill(1, r[0], r[1]);
  }
  const cells: Cell[] = [];
  for (let i = 0; i < text.length; i++) {
    const mark = marks[i] ?? null;
    const cell = { quote: quote[i] === 1, focus: focus[i] === 1 };
    if (options.brackets && mark && marks[i - 1] !== mark) cells.push({ ch: BRACKETS[mark][0], mark, ...cell });
    cells.push({ ch: text[i]!, mark, ...cell });
    if (options.brackets && mark && marks[i + 1] !== mark) cells.push({ ch: BRACKETS[mark][1], mark, ...cell });
  }
  return cells;
}

function runsOf(cells: Cell[]): Run[] {
  const runs: Run[] = [];
  for (const c of cells) {
    const last = runs[runs.length - 1];
    if (last && last.mark === c.mark && last.quote === c.quote && last.focus === c.focus) last.text += c.ch;
    else runs.push({ text: c.ch, mark: c.mark, quote: c.quote, focus: c.focus });
  }
  return runs;
}

/**
 * Word-wraps annotated text to `width` columns; returns the lines and the
 * index of the first line that holds focused text (or -1).
 */
export function wrapAnnotated(cells: Cell[], width: number): { lines: Line[]; focusLine: number } {
  const w = Math.max(8, width);
  const lines: Line[] = [];
  let focusLine = -1;
  const flush = (line: Cell[]) => {
    while (line.length > 0 && line[line.length - 1]!.ch === " ") line.pop();
    if (focusLine < 0 && line.some((c) => c.focus)) focusLine = lines.length;
    lines.push(runsOf(line));
  };
  let line: Cell[] = [];
  let i = 0;
  while (i < cells.length) {
    const c = cells[i]!;
    if (c.ch === "\n") {
      flush(line);
      line = [];
      i++;
      continue;
    }
    if (c.ch === " " || c.ch === "\t") {
      if (line.length > 0 && line.length < w) line.push({ ...c, ch: " " });
      i++;
      continue;
    }
    // A word: up to the next space or newline.
    let j = i;
    while (j < cells.length && cells[j]!.ch !== " " && cells[j]!.ch !== "\n" && cells[j]!.ch !== "\t") j++;
    let word = cells.slice(i, j);
    while (word.length > 0) {
      const room = w - line.length;
      if (word.length <= room) {
        line.push(...word);
        word = [];
      } else if (line.length > 0) {
        flush(line);
        line = [];
      } else {
        line.push(...word.slice(0, w));
        word = word.slice(w);
        flush(line);
        line = [];
      }
    }
    i = j;
  }
  if (line.length > 0) flush(line);
  return { lines, focusLine };
}
