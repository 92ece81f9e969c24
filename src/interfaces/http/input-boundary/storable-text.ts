/** NUL, and UTF-16 surrogates that are not half of a pair: Postgres stores neither in text nor in jsonb. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what is looked for
const UNSTORABLE = /[\u0000\p{Cs}]/u;

/** Whether Postgres can keep the text as it is (in a text column or inside an event's jsonb). */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}
