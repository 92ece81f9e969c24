import type { Principal } from '../../../domain/access/principal.js';

export class GetMainMeter {
  constructor(readonly principal: Principal) {}
}
