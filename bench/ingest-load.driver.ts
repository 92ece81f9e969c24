import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadReply, LoadRequest } from './ingest-load.process.js';

/** The bench's side of the load process: one request at a time, each answered by one reply. */
export class IngestLoadDriver {
  private constructor(private readonly child: ChildProcess) {}

  static start(): IngestLoadDriver {
    const entry = fileURLToPath(new URL('./ingest-load.process.js', import.meta.url));
    const child = fork(entry, [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: ['--max-semi-space-size=32'],
    });
    return new IngestLoadDriver(child);
  }

  request<T extends LoadReply['type']>(request: LoadRequest, expect: T): Promise<Extract<LoadReply, { type: T }>> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null): void =>
        reject(new Error(`the load process exited (${code}) during ${request.type}`));
      this.child.once('exit', onExit);
      this.child.once('message', (reply: LoadReply) => {
        this.child.off('exit', onExit);
        if (reply.type === expect) resolve(reply as Extract<LoadReply, { type: T }>);
        else reject(new Error(`the load process answered ${reply.type} to ${request.type}`));
      });
      this.child.send(request);
    });
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.disconnect();
    await exited;
  }
}
