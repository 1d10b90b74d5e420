"use client";

/** Shown when a page fails, most often because the store cannot be reached. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert">
      <h1>Something went wrong</h1>
      <p>The page could not be shown. {error.digest ? `Reference: ${error.digest}.` : ""}</p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>{" "}
        <a href="/">Back to the timeline</a>
      </p>
    </div>
  );
}
