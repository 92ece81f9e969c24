import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';
import type { ResourceObject, VenObject } from '../enrollments-read-model/vens.sql.js';
import type { OpenAdrPage } from '../openadr-objects.wire.js';

export class SearchVens extends Query<VenObject[]> {
  constructor(
    readonly principal: Principal,
    readonly filter: OpenAdrPage & { readonly venName?: string; readonly targets?: readonly string[] },
  ) {
    super();
  }
}

export class GetVen extends Query<VenObject> {
  constructor(
    readonly principal: Principal,
    readonly venId: string,
  ) {
    super();
  }
}

export class SearchResources extends Query<ResourceObject[]> {
  constructor(
    readonly principal: Principal,
    readonly filter: OpenAdrPage & {
      readonly venId?: string;
      readonly resourceName?: string;
      readonly targets?: readonly string[];
    },
  ) {
    super();
  }
}

export class GetResource extends Query<ResourceObject> {
  constructor(
    readonly principal: Principal,
    readonly resourceId: string,
  ) {
    super();
  }
}
