import type { Principal } from '../../../domain/access/principal.js';

/** Moments from the log that explain a sensor's chart between `from` and `to`. */
export class ListSensorAnnotations {
  constructor(
    readonly principal: Principal,
    readonly sensorId: string,
    readonly from: Date,
    readonly to: Date,
  ) {}
}

export const ANNOTATION_KINDS = ['gateway_online', 'gateway_offline', 'configuration', 'firmware', 'command'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

export interface SensorAnnotation {
  readonly at: string;
  readonly kind: AnnotationKind;
  readonly label: string;
  /** Node configuration only: when the log stored the change, the instant the configuration history is keyed by. */
  readonly recordedAt?: string;
}

export interface SensorAnnotations {
  /** Oldest first. */
  readonly items: readonly SensorAnnotation[];
  /** More happened in the range than one answer holds (the newest are kept); ask for a shorter range. */
  readonly truncated: boolean;
}
