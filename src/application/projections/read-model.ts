import type { DecoderLookup } from '../metering/ports/payload-decoders.port.js';
import type { AnyProjection, ReadModelMigration } from './projection.js';

/** What some projections need from the outside: the protocol modules that upcast version 1 readings events. */
export interface ProjectionDeps {
  readonly decoders: DecoderLookup;
}

/**
 * A read model as the catalogue lists it: the migrations that create its tables, and its projection. Both live in
 * the read model's folder (`application/<context>/<name>-read-model/`); the catalogue line is the only other edit.
 */
export interface ReadModel {
  readonly migrations: readonly ReadModelMigration[];
  projection(deps: ProjectionDeps): AnyProjection;
}
