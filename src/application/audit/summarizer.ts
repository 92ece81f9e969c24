/** Turns an event's data into the one-line summary of the audit trail. */
export type Summarizer = (data: Record<string, unknown>) => string;
