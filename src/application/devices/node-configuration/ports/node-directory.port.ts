export interface KnownNode {
  readonly nodeId: string;
  readonly gatewayId: string;
  readonly protocol: string;
}

/** The nodes read model as the configuration unit needs it. */
export interface NodeDirectory {
  find(nodeId: string): Promise<KnownNode | null>;
}

export const NODE_DIRECTORY = Symbol('NodeDirectory');
