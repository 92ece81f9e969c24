import type { AttributeCache } from './zigbee-payload.js';

/**
 * What `fromZigbee` converters touch of herdsman's Device and Endpoint, served from a payload instead of a live
 * network. The class names matter: converter helpers recognise entities by `constructor.name`.
 */
export class Device {
  readonly endpoints: Endpoint[] = [];
  readonly meta: Record<string, unknown> = {};
  readonly customClusters: Record<string, unknown> = {};

  constructor(
    readonly ieeeAddr: string,
    readonly modelID: string,
    readonly manufacturerName: string | undefined,
  ) {}

  getEndpoint(id: number): Endpoint | undefined {
    return this.endpoints.find((e) => e.ID === id);
  }

  save(): void {}
}

export class Endpoint {
  /** Reporting as configured on the device is not known server-side. */
  readonly configuredReportings: never[] = [];
  readonly clusters: Record<string, { attributes: Record<string, number | string> }> = {};

  constructor(
    readonly ID: number,
    private readonly device: Device,
    cache: AttributeCache,
  ) {
    for (const [cluster, attributes] of Object.entries(cache))
      this.clusters[cluster] = { attributes: { ...attributes } };
    device.endpoints.push(this);
  }

  get deviceIeeeAddress(): string {
    return this.device.ieeeAddr;
  }

  getDevice(): Device {
    return this.device;
  }

  getClusterAttributeValue(cluster: string | number, attribute: string | number): number | string | undefined {
    return this.clusters[String(cluster)]?.attributes[String(attribute)];
  }

  saveClusterAttributeKeyValue(cluster: string | number, values: Record<string, unknown>): void {
    const attributes = (this.clusters[String(cluster)] ??= { attributes: {} }).attributes;
    for (const [name, value] of Object.entries(values)) {
      if (typeof value === 'number' || typeof value === 'string') attributes[name] = value;
    }
  }

  supportsInputCluster(cluster: string | number): boolean {
    return this.clusters[String(cluster)] !== undefined;
  }

  save(): void {}
}

/**
 * A device as the payload describes it, with the message's endpoint. Attributes of the message itself are cached
 * first, as herdsman does before it hands a message to converters.
 */
export function deviceFromPayload(
  ieee: string,
  modelId: string,
  manufacturerName: string | undefined,
  endpointId: number,
  cache: AttributeCache,
  cluster: string,
  data: Readonly<Record<string, unknown>>,
): { device: Device; endpoint: Endpoint } {
  const device = new Device(ieee, modelId, manufacturerName);
  const endpoint = new Endpoint(endpointId, device, cache);
  endpoint.saveClusterAttributeKeyValue(cluster, data);
  return { device, endpoint };
}
