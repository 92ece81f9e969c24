import { connect } from 'node:net';
import { SerialPort } from 'serialport';

/** What an opened P1 connection reports, for as long as it lives. */
export interface StreamHandlers {
  data(chunk: Buffer): void;
  /** Once, when the connection is gone (peer closed, cable pulled, error); the error when there was one. */
  ended(error: Error | undefined): void;
}

export interface OpenStream {
  /** Resolves once the connection is fully closed; never rejects. */
  close(): Promise<void>;
}

/** Opens one connection; rejects when it cannot be opened at all. */
export type StreamOpener = (handlers: StreamHandlers) => Promise<OpenStream>;

export function tcpOpener(host: string, port: number, connectTimeoutMs: number): StreamOpener {
  return (handlers) =>
    new Promise((resolve, reject) => {
      const socket = connect({ host, port });
      const timer = setTimeout(
        () => socket.destroy(new Error(`no connection to ${host}:${port} within ${connectTimeoutMs} ms`)),
        connectTimeoutMs,
      );
      socket.once('error', reject);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.off('error', reject);
        // Keep-alive probes find a dongle that vanished without a FIN; the idle timeout covers the rest.
        socket.setKeepAlive(true, 15_000);
        let failure: Error | undefined;
        let closed = false;
        socket.on('error', (error) => (failure = error));
        socket.on('data', handlers.data);
        socket.once('close', () => {
          closed = true;
          handlers.ended(failure);
        });
        resolve({
          close: () =>
            new Promise<void>((done) => {
              if (closed) return done();
              socket.once('close', () => done());
              socket.destroy();
            }),
        });
      });
      socket.once('close', () => clearTimeout(timer));
    });
}

export interface SerialOptions {
  readonly path: string;
  readonly baudRate: number;
  readonly dataBits: 7 | 8;
  readonly parity: 'even' | 'none';
}

/** The part of serialport's SerialPort the reader uses; `SerialPortMock` fits too. */
export interface SerialPortLike {
  readonly isOpen: boolean;
  open(callback: (error: Error | null) => void): void;
  close(callback?: (error: Error | null) => void): void;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  once(event: 'close', listener: () => void): unknown;
}

export type SerialPortConstructor = new (
  options: SerialOptions & { readonly stopBits: 1; readonly autoOpen: false },
) => SerialPortLike;

export function serialOpener(options: SerialOptions, Port: SerialPortConstructor = SerialPort): StreamOpener {
  return (handlers) =>
    new Promise((resolve, reject) => {
      const port = new Port({ ...options, stopBits: 1, autoOpen: false });
      port.open((openError) => {
        if (openError) return reject(openError);
        let failure: Error | undefined;
        let closed = false;
        port.on('error', (error) => (failure = error));
        port.on('data', handlers.data);
        port.once('close', () => {
          closed = true;
          handlers.ended(failure);
        });
        resolve({
          close: () =>
            new Promise<void>((done) => {
              if (closed || !port.isOpen) return done();
              port.once('close', () => done());
              port.close();
            }),
        });
      });
    });
}
