import { z } from "zod";
import { TimexModSchema } from "./time-expression.js";
import { SpanSchema } from "./span.js";

/** Event types of the extraction contract (FORMAT.md, section 3). */
export const EVENT_TYPES = [
  "meeting",
  "negotiation",
  "consultation",
  "phone_call",
  "visit",
  "agreement",
  "signing",
  "prisoner_exchange",
  "ceasefire",
  "proposal",
  "publication",
  "statement",
  "rejection",
  "withdrawal",
] as const;
export const EventTypeSchema = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventTypeSchema>;

/** Subject matter of agreements and proposals, after the PA-X coding. */
export const ISSUES = [
  "prisoner_exchange",
  "ceasefire",
  "neutrality",
  "elections",
  "withdrawal",
  "territory",
  "security_guarantees",
  "sanctions",
  "humanitarian",
  "hostages",
  "reconstruction",
  "nuclear",
  "constitution",
  "language_rights",
  "recognition",
] as const;
export const IssueSchema = z.enum(ISSUES);
export type Issue = z.infer<typeof IssueSchema>;

/** Whether the text says the event happened, is planned, is proposed or is denied. */
export const ModalitySchema = z.enum(["asserted", "planned", "proposed", "denied"]);
export type Modality = z.infer<typeof ModalitySchema>;

/** PLOVER's event categories this vocabulary maps to. */
export const PloverTypeSchema = z.enum(["CONSULT", "AGREE", "CONCEDE", "RETREAT", "REQUEST", "REJECT", "SUPPORT"]);

/** How an event type maps to PLOVER (type, mode) and CAMEO. */
export const EVENT_CODES: Record<EventType, { plover: { type: z.infer<typeof PloverTypeSchema>; mode: string } | null; cameo: string }> = {
  meeting: { plover: { type: "CONSULT", mode: "meet" }, cameo: "040" },
  negotiation: { plover: { type: "CONSULT", mode: "negotiate" }, cameo: "046" },
  consultation: { plover: { type: "CONSULT", mode: "meet" }, cameo: "040" },
  phone_call: { plover: { type: "CONSULT", mode: "phone" }, cameo: "041" },
  visit: { plover: { type: "CONSULT", mode: "visit" }, cameo: "042" },
  agreement: { plover: { type: "AGREE", mode: "agree" }, cameo: "050" },
  signing: { plover: { type: "AGREE", mode: "sign" }, cameo: "057" },
  prisoner_exchange: { plover: { type: "CONCEDE", mode: "release" }, cameo: "0841" },
  ceasefire: { plover: { type: "RETREAT", mode: "ceasefire" }, cameo: "0871" },
  proposal: { plover: { type: "REQUEST", mode: "propose" }, cameo: "039" },
  publication: { plover: null, cameo: "010" },
  statement: { plover: null, cameo: "010" },
  rejection: { plover: { type: "REJECT", mode: "reject" }, cameo: "120" },
  withdrawal: { plover: { type: "RETREAT", mode: "withdraw" }, cameo: "0874" },
};

/** A TIMEX3 value with its modifier, as attached to an event. */
export const EventTimeSchema = z.object({
  value: z.string(),
  mod: TimexModSchema.nullable().optional(),
  /** The time expression it came from. */
  text: z.string().optional(),
});
export type EventTime = z.infer<typeof EventTimeSchema>;

const EventBaseSchema = z.object({
  /** Stable within an extraction: derived from the type and the first evidence offset. */
  id: z.string().min(1),
  /** Actor ids. */
  participants: z.array(z.string()),
  /** A place id, or null. */
  place: z.string().nullable(),
  date: EventTimeSchema.nullable(),
  duration: EventTimeSchema.nullable(),
  issues: z.array(IssueSchema),
  /** Actor ids of who reports or claims it, outermost first ("TASS", then "Medinsky"). */
  sources: z.array(z.string()),
  /** Every sentence (or clause) that speaks of the event. */
  evidence: z.array(SpanSchema).min(1),
  /** The words that signal the event. */
  triggers: z.array(SpanSchema).optional(),
  modality: ModalitySchema,
  plover: z.object({ type: PloverTypeSchema, mode: z.string() }).nullable(),
  cameo: z.string().nullable(),
});

const { id: eventId, ...eventFields } = EventBaseSchema.shape;
// The type right after the id, as the extractor writes it: parsed and unparsed events serialise alike.
const eventOf = <T extends EventType>(type: T) => z.object({ id: eventId, type: z.literal(type), ...eventFields });

/** An event of diplomacy, one of the types of the contract. */
export const DiplomaticEventSchema = z.discriminatedUnion("type", [
  eventOf("meeting"),
  eventOf("negotiation"),
  eventOf("consultation"),
  eventOf("phone_call"),
  eventOf("visit"),
  eventOf("agreement"),
  eventOf("signing"),
  eventOf("prisoner_exchange"),
  eventOf("ceasefire"),
  eventOf("proposal"),
  eventOf("publication"),
  eventOf("statement"),
  eventOf("rejection"),
  eventOf("withdrawal"),
]);
export type DiplomaticEvent = z.infer<typeof DiplomaticEventSchema>;
