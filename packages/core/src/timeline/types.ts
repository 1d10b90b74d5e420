/** A calendar day `YYYY-MM-DD`. */
export type IsoDate = string;
