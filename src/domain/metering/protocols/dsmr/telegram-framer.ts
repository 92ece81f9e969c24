import { MAX_TELEGRAM_CHARS } from './telegram-envelope.js';

export interface FramerStats {
  readonly telegrams: number;
  /** Characters thrown away (line ends between telegrams not counted): noise, cut-off telegrams, oversized input. */
  readonly discardedChars: number;
  /** Telegrams abandoned because a new '/' arrived before their '!' (meter restart, reconnect, line noise). */
  readonly restarted: number;
  /** Telegrams abandoned for growing past the size bound without an end. */
  readonly oversized: number;
}

const HEX_DIGIT = /[0-9A-Fa-f]/;
/** The only characters that can start or end a telegram. */
const SPECIAL = /[/!]/;

/**
 * Cuts a P1 byte stream (as latin1 text, in chunks of any size) into telegrams: '/' … '!' plus the up to 4 checksum
 * digits, no line end. Noise before '/' is skipped; a '/' inside a telegram (never legal there) starts over, so the
 * framer resynchronises after a cut; a telegram that grows past `maxChars` is dropped. Pure: no I/O, no clock.
 */
export class TelegramFramer {
  /** Starts with '/' while `inTelegram`, else empty. */
  private buffer = '';
  private inTelegram = false;
  /** Where to resume scanning `buffer`, so tiny chunks do not rescan the whole telegram each time. */
  private scanFrom = 0;
  private counts = { telegrams: 0, discardedChars: 0, restarted: 0, oversized: 0 };

  constructor(private readonly maxChars: number = MAX_TELEGRAM_CHARS) {}

  get stats(): FramerStats {
    return { ...this.counts };
  }

  /** Feeds one chunk; answers the telegrams it completed, oldest first. */
  push(chunk: string): string[] {
    const telegrams: string[] = [];
    if (this.inTelegram && this.scanFrom === this.buffer.length && !SPECIAL.test(chunk)) {
      // The common case of a telegram's middle: append without touching (and so flattening) the buffer.
      this.buffer += chunk;
      this.scanFrom = this.buffer.length;
      this.dropIfOversized();
      return telegrams;
    }
    this.buffer += chunk;
    for (;;) {
      if (!this.huntStart()) break;
      const end = this.scanForEnd();
      if (end === 'restart') continue;
      if (end === 'more') {
        this.dropIfOversized();
        break;
      }
      telegrams.push(this.buffer.slice(0, end));
      this.counts.telegrams++;
      this.buffer = this.buffer.slice(end);
      this.scanFrom = 0;
      this.inTelegram = false;
    }
    return telegrams;
  }

  /** Forgets a partial telegram, e.g. when the connection it came from is gone. */
  reset(): void {
    this.counts.discardedChars += this.buffer.length;
    this.clear();
  }

  private clear(): void {
    this.buffer = '';
    this.scanFrom = 0;
    this.inTelegram = false;
  }

  /** Makes the buffer start with '/'; false when there is none yet. */
  private huntStart(): boolean {
    if (this.inTelegram) return true;
    const start = this.buffer.indexOf('/');
    const skipped = start < 0 ? this.buffer.length : start;
    this.counts.discardedChars += this.buffer.slice(0, skipped).replace(/\s/g, '').length;
    this.buffer = this.buffer.slice(skipped);
    this.scanFrom = 0;
    this.inTelegram = start >= 0;
    return this.inTelegram;
  }

  /** Index just past the telegram, 'restart' after dropping a cut-off one, or 'more' when it is not complete yet. */
  private scanForEnd(): number | 'restart' | 'more' {
    const text = this.buffer;
    for (let i = Math.max(this.scanFrom, 1); i < text.length; i++) {
      const char = text[i];
      if (char === '/') {
        this.counts.discardedChars += i;
        this.counts.restarted++;
        this.buffer = text.slice(i);
        this.scanFrom = 0;
        return 'restart';
      }
      if (char !== '!') continue;
      let digits = 0;
      while (digits < 4 && i + 1 + digits < text.length && HEX_DIGIT.test(text[i + 1 + digits] ?? '')) digits++;
      // Complete once 4 digits are in or something else follows; DSMR 2.2/3.0 end in a bare '!' + CR LF.
      if (digits === 4 || i + 1 + digits < text.length) return i + 1 + digits;
      this.scanFrom = i;
      return 'more';
    }
    this.scanFrom = text.length;
    return 'more';
  }

  private dropIfOversized(): void {
    if (this.buffer.length <= this.maxChars) return;
    this.counts.discardedChars += this.buffer.length;
    this.counts.oversized++;
    this.clear();
  }
}
