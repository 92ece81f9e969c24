import type { VirtualDevice } from './virtual-device.js';

/**
 * The devices a virtual coordinator hosts: each gets a free network address when it powers on, and may join while
 * the permit-join window is open.
 */
export class VirtualNetworkMembers {
  private readonly hosted: VirtualDevice[] = [];
  private permitJoinUntil = 0;

  get all(): readonly VirtualDevice[] {
    return [...this.hosted];
  }

  byIeee(ieee: string): VirtualDevice | undefined {
    return this.hosted.find((d) => d.ieee === ieee.toLowerCase());
  }

  /** The joined device at a network address, as a radio would reach it. */
  joinedAt(networkAddress: number): VirtualDevice | undefined {
    return this.hosted.find((d) => d.joined && d.networkAddress === networkAddress);
  }

  add(device: VirtualDevice): void {
    if (this.byIeee(device.ieee)) throw new Error(`virtual device ${device.ieee} exists already`);
    device.networkAddress = this.freeNetworkAddress(device.ieee);
    this.hosted.push(device);
  }

  /** Opens joining for `seconds` from now; 0 closes it. */
  permitJoin(seconds: number): void {
    this.permitJoinUntil = seconds > 0 ? Date.now() + seconds * 1000 : 0;
  }

  joinPermitted(): boolean {
    return Date.now() < this.permitJoinUntil;
  }

  private freeNetworkAddress(ieee: string): number {
    let address = (Number.parseInt(ieee.slice(-4), 16) & 0x7fff) | 0x0100;
    while (this.hosted.some((d) => d.networkAddress === address)) address = (address + 1) & 0x7fff || 0x0100;
    return address;
  }
}
