import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface SseMessage {
  readonly event: string;
  readonly data: string;
}

/** A minimal EventSource for tests over node:http(s), so a test can pause reading and watch the raw stream. */
export interface SseClient {
  readonly status: number;
  readonly headers: IncomingMessage['headers'];
  readonly messages: SseMessage[];
  readonly comments: string[];
  /** Resolves when the server ends or drops the stream. */
  readonly ended: Promise<void>;
  readonly response: IncomingMessage;
  /** Resolves once `count` messages have arrived (rejects after `timeoutMs`). */
  waitForMessages(count: number, timeoutMs?: number): Promise<SseMessage[]>;
  abort(): void;
}

function parseBlock(block: string, client: { messages: SseMessage[]; comments: string[] }): void {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) client.comments.push(line.slice(1).trim());
    else if (line.startsWith('event: ')) event = line.slice(7);
    else if (line.startsWith('data: ')) data.push(line.slice(6));
  }
  if (data.length > 0) client.messages.push({ event, data: data.join('\n') });
}

export function openSse(url: string, headers: Record<string, string>, ca: string | null = null): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const options = { headers: { accept: 'text/event-stream', ...headers } };
    const onResponse = (response: IncomingMessage): void => {
      const messages: SseMessage[] = [];
      const comments: string[] = [];
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          parseBlock(buffer.slice(0, end), { messages, comments });
          buffer = buffer.slice(end + 2);
        }
      });
      const ended = new Promise<void>((done) => {
        response.on('end', done);
        response.on('close', done);
        response.on('error', () => done());
      });
      resolve({
        status: response.statusCode ?? 0,
        headers: response.headers,
        messages,
        comments,
        ended,
        response,
        waitForMessages: async (count, timeoutMs = 10_000) => {
          const deadline = Date.now() + timeoutMs;
          while (messages.length < count) {
            if (Date.now() > deadline) throw new Error(`only ${messages.length} of ${count} SSE messages after ${timeoutMs} ms`);
            await new Promise((r) => setTimeout(r, 20));
          }
          return messages;
        },
        abort: () => req.destroy(),
      });
    };
    const req: ClientRequest = ca
      ? httpsRequest(url, { ...options, ca, servername: 'localhost' }, onResponse)
      : httpRequest(url, options, onResponse);
    req.on('error', reject);
    req.end();
  });
}
