const MAX_EMAIL = 254;
const MAX_LOCAL = 64;
// Deliberately plain: one @, no spaces or control characters, a dotted domain. Deliverability is not ours to judge.
const SHAPE = /^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+\.[^\s@\p{Cc}.]+$/u;

/** The one spelling of an address: trimmed and lower-cased, so `Ann@X.org` and `ann@x.org` are the same user. */
export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

/** Problems with an already normalised address; empty when it is acceptable. */
export function emailProblems(email: string): string[] {
  if (email.length === 0 || email.length > MAX_EMAIL) return [`email must be 1 to ${MAX_EMAIL} characters`];
  if (!SHAPE.test(email)) return ['email must look like name@example.org'];
  if (email.split('@')[0]!.length > MAX_LOCAL)
    return [`the part of the email before @ must be at most ${MAX_LOCAL} characters`];
  return [];
}
