import type { Metadata } from "next";
import { IngestForm } from "./ingest-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Ingest a report" };

export default function IngestPage() {
  return (
    <>
      <h1>Ingest a report</h1>
      <p className="lede">
        Add a German or English news report. Parley extracts its actors, places, dates, events and quotes; you see the result before it is stored, and
        its events join the timeline once saved. The same text is stored once.
      </p>
      <IngestForm />
    </>
  );
}
