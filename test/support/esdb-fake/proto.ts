import { createRequire } from 'node:module';
import type * as SharedPbModule from '@eventstore/db-client/generated/shared_pb.js';
import type * as StreamsGrpcModule from '@eventstore/db-client/generated/streams_grpc_pb.js';
import type * as StreamsPbModule from '@eventstore/db-client/generated/streams_pb.js';

// The client's own generated code, so the fake speaks exactly the wire format the client was built against.
// streams_grpc_pb's serializers check `instanceof` against the streams_pb it required itself: the fake must build
// its messages from that same module instance, which the shared require cache guarantees.
const require = createRequire(import.meta.url);

export const streamsPb = require('@eventstore/db-client/generated/streams_pb.js') as typeof StreamsPbModule;
export const sharedPb = require('@eventstore/db-client/generated/shared_pb.js') as typeof SharedPbModule;
export const streamsGrpc = require('@eventstore/db-client/generated/streams_grpc_pb.js') as typeof StreamsGrpcModule;

export type ReadReq = StreamsPbModule.ReadReq;
export type ReadResp = StreamsPbModule.ReadResp;
export type AppendReq = StreamsPbModule.AppendReq;
export type AppendResp = StreamsPbModule.AppendResp;
export type FilterOptions = StreamsPbModule.ReadReq.Options.FilterOptions;
export type UuidOption = StreamsPbModule.ReadReq.Options.UUIDOption;
