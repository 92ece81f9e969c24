import type { ReadingsViewer } from '../../../application/metering/query-readings/access/sensor-access.port.js';

/**
 * The only principal until the access context exists: whoever holds the bootstrap admin token. Controllers pass it
 * to every readings query, whose handlers ask the access policy what it may see.
 */
export const ADMIN_VIEWER: ReadingsViewer = { actorId: 'admin-token' };
