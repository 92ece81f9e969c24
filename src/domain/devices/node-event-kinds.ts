/** What a gateway can tell about one of its nodes; `outbox_overflow` is about the gateway itself. */
export const NODE_EVENT_KINDS = ['joined', 'interviewed', 'left', 'link_quality', 'outbox_overflow'] as const;
export type NodeEventKind = (typeof NODE_EVENT_KINDS)[number];
