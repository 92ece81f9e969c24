import type { NodeEventReport } from '../../application/ports/frame-source.port.js';
import { normalizeIeee, zigbeeNodeId } from '../../domain/metering/protocols/zigbee2mqtt/zigbee2mqtt-topic.js';

interface KnownDevice {
  readonly ieee: string;
  friendlyName: string;
  /** model|vendor|firmware last reported in an `interviewed` event; undefined until the interview completed. */
  reportedIdentity?: string;
  linkQuality?: number;
  availability?: 'online' | 'offline';
}

/** Smaller swings are radio noise; reporting them would flood the node streams. */
export const LINK_QUALITY_STEP = 10;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Only the keys that have a value, so node event details stay plain JSON. */
function compact(detail: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(detail).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/**
 * What the bridge says about its devices (`bridge/devices`, `bridge/event`, availability, linkquality), turned into
 * node events without repeats: zigbee2mqtt republishes the whole device list after every change, and the retained copy
 * again on every reconnect.
 */
export class Zigbee2MqttInventory {
  private readonly devices = new Map<string, KnownDevice>();
  private readonly ieeeByName = new Map<string, string>();
  private readonly groups = new Set<string>();

  ieeeOf(friendlyName: string): string | undefined {
    return this.ieeeByName.get(friendlyName);
  }

  /** Groups publish their state on `<base>/<group name>` like devices, but are no node. */
  isGroup(friendlyName: string): boolean {
    return this.groups.has(friendlyName) && !this.ieeeByName.has(friendlyName);
  }

  /** `bridge/groups`: a JSON array of `{ id, friendly_name, members }`. False when the payload is not such an array. */
  applyGroupList(list: unknown): boolean {
    if (!Array.isArray(list)) return false;
    this.groups.clear();
    for (const group of list) {
      const name = isRecord(group) ? text(group.friendly_name) : undefined;
      if (name) this.groups.add(name);
    }
    return true;
  }

  /** `bridge/devices`: the full list; devices missing from it have left. Undefined when the payload is not a list. */
  applyDeviceList(list: unknown, at: string): NodeEventReport[] | undefined {
    if (!Array.isArray(list)) return undefined;
    const events: NodeEventReport[] = [];
    const present = new Set<string>();
    for (const entry of list) {
      if (!isRecord(entry) || entry.type === 'Coordinator') continue;
      const ieee = typeof entry.ieee_address === 'string' ? normalizeIeee(entry.ieee_address) : undefined;
      const friendlyName = text(entry.friendly_name);
      if (!ieee || !friendlyName) continue;
      present.add(ieee);
      events.push(...this.join(ieee, friendlyName, at, text(entry.type)));
      if (entry.interview_completed === true) {
        const definition = isRecord(entry.definition) ? entry.definition : {};
        events.push(
          ...this.interviewed(ieee, at, {
            model: text(definition.model) ?? text(entry.model_id),
            vendor: text(definition.vendor) ?? text(entry.manufacturer),
            description: text(definition.description),
            firmware: text(entry.software_build_id),
          }),
        );
      }
    }
    for (const ieee of [...this.devices.keys()]) {
      if (!present.has(ieee)) events.push(this.leave(ieee, at));
    }
    return events;
  }

  /** `bridge/event`: `{ type: 'device_joined' | 'device_interview' | 'device_leave' | …, data: {...} }`. */
  applyBridgeEvent(event: unknown, at: string): NodeEventReport[] {
    if (!isRecord(event) || !isRecord(event.data)) return [];
    const data = event.data;
    const ieee = typeof data.ieee_address === 'string' ? normalizeIeee(data.ieee_address) : undefined;
    if (!ieee) return [];
    const friendlyName = text(data.friendly_name) ?? ieee;
    switch (event.type) {
      case 'device_joined':
        return this.join(ieee, friendlyName, at);
      case 'device_interview': {
        if (data.status !== 'successful') return [];
        const definition = isRecord(data.definition) ? data.definition : {};
        return [
          ...this.join(ieee, friendlyName, at),
          ...this.interviewed(ieee, at, {
            model: text(definition.model),
            vendor: text(definition.vendor),
            description: text(definition.description),
          }),
        ];
      }
      case 'device_leave':
        // Reported even for a device this process never saw: the server may know it from before a restart.
        return [this.leave(ieee, at)];
      default:
        return [];
    }
  }

  /** The `linkquality` of a device message, reported when it moved by at least LINK_QUALITY_STEP. */
  linkQuality(friendlyName: string, value: unknown, at: string): NodeEventReport | undefined {
    const device = this.deviceNamed(friendlyName);
    if (!device || typeof value !== 'number' || !Number.isFinite(value)) return undefined;
    if (device.linkQuality !== undefined && Math.abs(value - device.linkQuality) < LINK_QUALITY_STEP) return undefined;
    device.linkQuality = value;
    return { event: 'link_quality', nodeId: zigbeeNodeId(device.ieee), at, detail: { linkquality: value } };
  }

  /**
   * `<name>/availability`: `online`/`offline`, as a plain string (legacy) or `{ "state": … }`. Reported as a
   * `link_quality` event because it is the state of the same radio link; only changes are reported.
   */
  availability(friendlyName: string, payload: unknown, at: string): NodeEventReport | undefined {
    const device = this.deviceNamed(friendlyName);
    const state = isRecord(payload) ? payload.state : payload;
    if (!device || (state !== 'online' && state !== 'offline') || device.availability === state) return undefined;
    device.availability = state;
    return { event: 'link_quality', nodeId: zigbeeNodeId(device.ieee), at, detail: { availability: state } };
  }

  private deviceNamed(friendlyName: string): KnownDevice | undefined {
    const ieee = this.ieeeByName.get(friendlyName);
    return ieee === undefined ? undefined : this.devices.get(ieee);
  }

  private join(ieee: string, friendlyName: string, at: string, type?: string): NodeEventReport[] {
    const known = this.devices.get(ieee);
    if (known) {
      if (known.friendlyName !== friendlyName && friendlyName !== ieee) this.rename(known, friendlyName);
      return [];
    }
    this.devices.set(ieee, { ieee, friendlyName });
    this.ieeeByName.set(friendlyName, ieee);
    return [{ event: 'joined', nodeId: zigbeeNodeId(ieee), at, detail: compact({ friendlyName, type }) }];
  }

  private rename(device: KnownDevice, friendlyName: string): void {
    if (this.ieeeByName.get(device.friendlyName) === device.ieee) this.ieeeByName.delete(device.friendlyName);
    device.friendlyName = friendlyName;
    this.ieeeByName.set(friendlyName, device.ieee);
  }

  /** Reported once per identity, so an OTA firmware update is reported again while a repeated list is not. */
  private interviewed(ieee: string, at: string, identity: Record<string, string | undefined>): NodeEventReport[] {
    const device = this.devices.get(ieee);
    if (!device) return [];
    const signature = `${identity.model ?? ''}|${identity.vendor ?? ''}|${identity.firmware ?? ''}`;
    if (device.reportedIdentity === signature) return [];
    device.reportedIdentity = signature;
    return [
      {
        event: 'interviewed',
        nodeId: zigbeeNodeId(ieee),
        at,
        detail: compact({ friendlyName: device.friendlyName, ...identity }),
      },
    ];
  }

  private leave(ieee: string, at: string): NodeEventReport {
    const device = this.devices.get(ieee);
    if (device) {
      this.devices.delete(ieee);
      if (this.ieeeByName.get(device.friendlyName) === ieee) this.ieeeByName.delete(device.friendlyName);
    }
    return { event: 'left', nodeId: zigbeeNodeId(ieee), at, detail: compact({ friendlyName: device?.friendlyName }) };
  }
}
