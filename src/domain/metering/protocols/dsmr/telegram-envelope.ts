import { crc16Arc, formatCrc } from './crc16.js';

/** Large enough for any real telegram (an e-MUCS one with 13 months of peaks is ~2 KB), small enough to bound work. */
export const MAX_TELEGRAM_CHARS = 16 * 1024;

export type EnvelopeRefusal = 'not_a_telegram' | 'bad_crc' | 'too_large';

export interface CrcCheck {
  /** The 4 hex digits after '!', upper-cased; undefined for DSMR 2.2/3.0 telegrams that end in a bare '!'. */
  readonly expected: string | undefined;
  readonly computed: string;
}

export interface TelegramEnvelope {
  /** From '/' through '!' inclusive: exactly what the checksum covers. */
  readonly body: string;
  /** The identification line without '/', e.g. `ISK5\2M550T-1012`. */
  readonly header: string;
  readonly crc: CrcCheck;
}

export type EnvelopeOutcome =
  | { readonly ok: true; readonly envelope: TelegramEnvelope }
  | { readonly ok: false; readonly reason: EnvelopeRefusal; readonly message: string };

/** `/` + three letters (manufacturer) + one digit (baud rate code) + the identification. */
const HEADER = /^\/[A-Za-z]{3}\d.*$/;
const TAIL = /^([0-9A-Fa-f]{4})?\s*$/;

function preview(text: string): string {
  return JSON.stringify(text.length > 24 ? `${text.slice(0, 24)}…` : text);
}

function fail(reason: EnvelopeRefusal, message: string): EnvelopeOutcome {
  return { ok: false, reason, message };
}

/** Splits a framed telegram into the checksummed body and its checksum; says what is wrong with anything else. */
export function readEnvelope(text: string): EnvelopeOutcome {
  if (text.length > MAX_TELEGRAM_CHARS) {
    return fail('too_large', `telegram is ${text.length} characters; at most ${MAX_TELEGRAM_CHARS} are accepted`);
  }
  const start = text.search(/\S/);
  if (start < 0 || text[start] !== '/')
    return fail('not_a_telegram', `a telegram starts with '/' (got ${preview(text)})`);
  const end = text.indexOf('!', start);
  if (end < 0) return fail('not_a_telegram', "the telegram has no '!' end marker");
  const body = text.slice(start, end + 1);
  const lineBreak = body.search(/[\r\n]/);
  const header = lineBreak < 0 ? '' : body.slice(0, lineBreak);
  if (!HEADER.test(header)) {
    return fail('not_a_telegram', `the first line must be /XXX5<identification> (got ${preview(header || body)})`);
  }
  const tail = text.slice(end + 1);
  const crcText = TAIL.exec(tail);
  if (!crcText) return fail('bad_crc', `the checksum after '!' must be 4 hex digits (got ${preview(tail)})`);
  const expected = crcText[1]?.toUpperCase();
  return {
    ok: true,
    envelope: { body, header: header.slice(1), crc: { expected, computed: formatCrc(crc16Arc(body)) } },
  };
}

/** What the agent needs to know before forwarding: does the checksum hold (absent counts as holding)? */
export function crcStatus(text: string): 'valid' | 'absent' | 'mismatch' | 'malformed' {
  const outcome = readEnvelope(text);
  if (!outcome.ok) return 'malformed';
  const { expected, computed } = outcome.envelope.crc;
  if (expected === undefined) return 'absent';
  return expected === computed ? 'valid' : 'mismatch';
}
