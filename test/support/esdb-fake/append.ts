import { Metadata, status, type sendUnaryData, type ServerReadableStream, type ServiceError } from '@grpc/grpc-js';
import type { AppendOutcome, Expectation, FakeLog, ProposedEvent } from './fake-log.js';
import { streamNameOf, uuidToString } from './messages.js';
import { sharedPb, streamsPb, type AppendReq, type AppendResp } from './proto.js';

type AppendCall = ServerReadableStream<AppendReq, AppendResp>;
type AppendOptions = InstanceType<typeof streamsPb.AppendReq.Options>;

/** What an idempotent re-append answers with: newer servers give the original position, older ones none. */
export type IdempotentPositionMode = 'original' | 'none';

function serviceError(code: status, details: string, exception?: Record<string, string>): ServiceError {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(exception ?? {})) metadata.set(key, value);
  return Object.assign(new Error(details), { code, details, metadata });
}

function expectationOf(options: AppendOptions): Expectation {
  const { ExpectedStreamRevisionCase } = streamsPb.AppendReq.Options;
  switch (options.getExpectedStreamRevisionCase()) {
    case ExpectedStreamRevisionCase.REVISION:
      return { kind: 'revision', revision: BigInt(options.getRevision()) };
    case ExpectedStreamRevisionCase.NO_STREAM:
      return { kind: 'no_stream' };
    case ExpectedStreamRevisionCase.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    default:
      return { kind: 'any' };
  }
}

function proposedEvent(
  message: InstanceType<typeof streamsPb.AppendReq.ProposedMessage>,
): ProposedEvent | ServiceError {
  const metadata = message.getMetadataMap();
  for (const required of ['type', 'content-type']) {
    if (!metadata.get(required)) {
      return serviceError(status.INVALID_ARGUMENT, `required metadata property ${required} is missing`, {
        exception: 'missing-required-metadata-property',
        'required-metadata-properties': required,
      });
    }
  }
  return {
    id: uuidToString(message.getId()),
    type: metadata.get('type')!,
    contentType: metadata.get('content-type')!,
    data: message.getData_asU8(),
    customMetadata: message.getCustomMetadata_asU8(),
  };
}

function response(
  outcome: AppendOutcome,
  options: AppendOptions,
  idempotentPosition: IdempotentPositionMode,
): AppendResp {
  const result = new streamsPb.AppendResp();
  if (outcome.kind === 'wrong_expected_version') {
    const wrong = new streamsPb.AppendResp.WrongExpectedVersion();
    if (outcome.current < 0n) wrong.setCurrentNoStream(new sharedPb.Empty());
    else wrong.setCurrentRevision(outcome.current.toString());
    const expectation = expectationOf(options);
    if (expectation.kind === 'revision') wrong.setExpectedRevision(expectation.revision.toString());
    else if (expectation.kind === 'no_stream') wrong.setExpectedNoStream(new sharedPb.Empty());
    else if (expectation.kind === 'stream_exists') wrong.setExpectedStreamExists(new sharedPb.Empty());
    else wrong.setExpectedAny(new sharedPb.Empty());
    result.setWrongExpectedVersion(wrong);
    return result;
  }
  const success = new streamsPb.AppendResp.Success();
  if (outcome.lastRevision < 0n) success.setNoStream(new sharedPb.Empty());
  else success.setCurrentRevision(outcome.lastRevision.toString());
  const position = outcome.kind === 'idempotent' && idempotentPosition === 'none' ? undefined : outcome.position;
  if (position === undefined) {
    success.setNoPosition(new sharedPb.Empty());
  } else {
    const grpcPosition = new streamsPb.AppendResp.Position();
    grpcPosition.setCommitPosition(position.toString());
    grpcPosition.setPreparePosition(position.toString());
    success.setPosition(grpcPosition);
  }
  result.setSuccess(success);
  return result;
}

/** Streams.Append (client streaming): one options message, then the proposed events. */
export function appendHandler(log: FakeLog, idempotentPosition: IdempotentPositionMode) {
  return (call: AppendCall, callback: sendUnaryData<AppendResp>): void => {
    let options: AppendOptions | undefined;
    const proposed: ProposedEvent[] = [];
    let failed: ServiceError | undefined;
    call.on('data', (request: AppendReq) => {
      if (failed) return;
      const { ContentCase } = streamsPb.AppendReq;
      if (request.getContentCase() === ContentCase.OPTIONS && !options) {
        options = request.getOptions();
      } else if (request.getContentCase() === ContentCase.PROPOSED_MESSAGE && options) {
        try {
          const event = proposedEvent(request.getProposedMessage()!);
          if (event instanceof Error) failed = event;
          else proposed.push(event);
        } catch (error) {
          failed = serviceError(status.INVALID_ARGUMENT, (error as Error).message);
        }
      } else {
        failed = serviceError(status.INVALID_ARGUMENT, 'AppendReq: options first, then proposed messages');
      }
    });
    call.on('error', () => undefined);
    call.on('end', () => {
      if (failed) return callback(failed);
      if (!options) return callback(serviceError(status.INVALID_ARGUMENT, 'AppendReq without options'));
      try {
        const outcome = log.append(streamNameOf(options.getStreamIdentifier()), expectationOf(options), proposed);
        callback(null, response(outcome, options, idempotentPosition));
      } catch (error) {
        callback(serviceError(status.INVALID_ARGUMENT, (error as Error).message));
      }
    });
  };
}
