/** Progress on stderr: a redrawn bar on a terminal, a line every few seconds otherwise. */
export class ProgressBar {
  private readonly started = performance.now();
  private lastLine = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number, total: number): void {
    const now = performance.now();
    const interactive = this.stream.isTTY === true;
    if (!interactive && now - this.lastLine < 2000 && done < total) return;
    this.lastLine = now;
    const seconds = Math.max((now - this.started) / 1000, 0.001);
    const rate = done / seconds;
    const fraction = total > 0 ? Math.min(done / total, 1) : 1;
    const eta = rate > 0 && total > done ? Math.ceil((total - done) / rate) : 0;
    const width = 30;
    const filled = Math.round(fraction * width);
    const line =
      `${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(1)}% ` +
      `${done}/${total} events ${Math.round(rate)} events/s ETA ${eta}s`;
    this.stream.write(interactive ? `\r${line}` : `${line}\n`);
  }

  finish(): void {
    if (this.stream.isTTY === true) this.stream.write('\n');
  }
}
