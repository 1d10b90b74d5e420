import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ArticleInput, Extraction } from "@parley/core/model";

/** Thrown when an extraction takes longer than the pool allows; its worker is replaced. */
export class ExtractTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`the extraction took longer than ${timeoutMs / 1000} s`);
    this.name = "ExtractTimeoutError";
  }
}

interface Task {
  input: ArticleInput;
  /** The extraction as JSON (UTF-8), validated against ExtractionSchema in the worker. */
  resolve: (json: Buffer) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** The worker has loaded the extractor; the timeout counts from then on. */
  ready: boolean;
  task: (Task & { id: number; timer: NodeJS.Timeout }) | null;
}

/** The worker script: dist/extract-worker.js after a build, src/extract-worker.mjs in tests; null if neither. */
export function workerScript(): string | null {
  for (const name of ["./extract-worker.js", "./extract-worker.mjs"]) {
    const path = fileURLToPath(new URL(name, import.meta.url));
    if (existsSync(path)) return path;
  }
  return null;
}

/**
 * Worker threads that run the extractor, so that a long text (a megabyte takes
 * seconds) does not stop the server from answering everyone else. A task that
 * runs past `timeoutMs` is abandoned and its worker replaced.
 */
export class ExtractPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 0;
  private closed = false;

  constructor(
    private readonly size: number,
    private readonly timeoutMs: number,
    private readonly path: string,
  ) {}

  /** The extraction of one input, from the next free worker. */
  async run(input: ArticleInput): Promise<Extraction> {
    return JSON.parse((await this.runJson(input)).toString("utf8")) as Extraction;
  }

  /**
   * The extraction of one input as JSON in UTF-8, validated against
   * ExtractionSchema by the extractor in the worker, which encodes it and hands
   * its buffer over (transferred, not copied): what `POST /v1/extract` sends as
   * it is, with no work on the event loop for the extraction's bytes.
   */
  runJson(input: ArticleInput): Promise<Buffer> {
    if (this.closed) return Promise.reject(new Error("the extraction pool is closed"));
    // Workers start with the first task: an app that never extracts pays nothing.
    while (this.slots.length < this.size) this.slots.push(this.spawn());
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new Error("the extraction pool is closed"));
    await Promise.all(
      this.slots.map(async (slot) => {
        if (slot.task !== null) {
          clearTimeout(slot.task.timer);
          slot.task.reject(new Error("the extraction pool is closed"));
          slot.task = null;
        }
        await slot.worker.terminate();
      }),
    );
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(this.path), ready: false, task: null };
    slot.worker.unref();
    slot.worker.on("message", (message: { ready?: true; id: number; json?: ArrayBuffer; error?: string }) => {
      if (message.ready === true) {
        slot.ready = true;
        this.dispatch();
        return;
      }
      const task = slot.task;
      if (task === null || task.id !== message.id) return;
      clearTimeout(task.timer);
      slot.task = null;
      if (message.error !== undefined) task.reject(new Error(message.error));
      else task.resolve(Buffer.from(message.json!));
      this.dispatch();
    });
    // A worker that dies takes its task with it; another takes its place.
    slot.worker.on("error", (error) => this.replace(slot, error));
    slot.worker.on("exit", (code) => {
      if (!this.closed && this.slots.includes(slot)) this.replace(slot, new Error(`an extraction worker exited with code ${code}`));
    });
    return slot;
  }

  private replace(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    if (slot.task !== null) {
      clearTimeout(slot.task.timer);
      slot.task.reject(error);
      slot.task = null;
    }
    this.slots.splice(index, 1);
    void slot.worker.terminate();
    if (!this.closed) {
      this.slots.push(this.spawn());
      this.dispatch();
    }
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.task !== null) continue;
      const task = this.queue.shift();
      if (task === undefined) return;
      const id = this.nextId++;
      const timer = setTimeout(() => this.replace(slot, new ExtractTimeoutError(this.timeoutMs)), this.timeoutMs);
      slot.task = { ...task, id, timer };
      slot.worker.postMessage({ id, input: task.input });
    }
  }
}
