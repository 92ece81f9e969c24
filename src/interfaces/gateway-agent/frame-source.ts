import type { FrameSourceFactory } from '../../application/ports/frame-source.port.js';

export type {
  FrameSink,
  FrameSource,
  FrameSourceFactory,
  NodeEventReport,
} from '../../application/ports/frame-source.port.js';

const factories = new Map<string, FrameSourceFactory>();

/** Drivers register under the `adapter.kind` a gateway.json names. */
export function registerFrameSource(kind: string, factory: FrameSourceFactory): void {
  factories.set(kind, factory);
}

export function frameSourceFactory(kind: string): FrameSourceFactory | undefined {
  return factories.get(kind);
}

export function frameSourceKinds(): string[] {
  return [...factories.keys()].sort();
}
