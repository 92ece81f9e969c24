import type { StoredEvent } from './fake-log.js';
import { sharedPb, streamsPb, type ReadResp, type UuidOption } from './proto.js';

export function streamIdentifier(name: string): InstanceType<typeof sharedPb.StreamIdentifier> {
  const identifier = new sharedPb.StreamIdentifier();
  identifier.setStreamName(Buffer.from(name, 'utf8'));
  return identifier;
}

export function streamNameOf(identifier: InstanceType<typeof sharedPb.StreamIdentifier> | undefined): string {
  if (!identifier) throw new RangeError('missing stream identifier');
  return Buffer.from(identifier.getStreamName_asU8()).toString('utf8');
}

/** Reads either UUID form; the client sends strings, other clients may send the structured form. */
export function uuidToString(uuid: InstanceType<typeof sharedPb.UUID> | undefined): string {
  if (!uuid) throw new RangeError('missing event id');
  if (uuid.hasString()) return uuid.getString().toLowerCase();
  const structured = uuid.getStructured();
  if (!structured) throw new RangeError('empty event id');
  const hex = [structured.getMostSignificantBits(), structured.getLeastSignificantBits()]
    .map((half) => BigInt.asUintN(64, BigInt(half)).toString(16).padStart(16, '0'))
    .join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function uuidFor(id: string, option: UuidOption | undefined): InstanceType<typeof sharedPb.UUID> {
  const uuid = new sharedPb.UUID();
  if (option?.hasStructured()) {
    const hex = id.replace(/-/g, '');
    const structured = new sharedPb.UUID.Structured();
    structured.setMostSignificantBits(BigInt.asIntN(64, BigInt(`0x${hex.slice(0, 16)}`)).toString());
    structured.setLeastSignificantBits(BigInt.asIntN(64, BigInt(`0x${hex.slice(16)}`)).toString());
    uuid.setStructured(structured);
  } else {
    uuid.setString(id);
  }
  return uuid;
}

export function eventResponse(event: StoredEvent, uuidOption: UuidOption | undefined): ReadResp {
  const recorded = new streamsPb.ReadResp.ReadEvent.RecordedEvent();
  recorded.setId(uuidFor(event.id, uuidOption));
  recorded.setStreamIdentifier(streamIdentifier(event.stream));
  recorded.setStreamRevision(event.revision.toString());
  recorded.setCommitPosition(event.position.toString());
  recorded.setPreparePosition(event.position.toString());
  const metadata = recorded.getMetadataMap();
  metadata.set('type', event.type);
  metadata.set('content-type', event.contentType);
  metadata.set('created', event.created.toString());
  recorded.setData(event.data);
  recorded.setCustomMetadata(event.customMetadata);

  const readEvent = new streamsPb.ReadResp.ReadEvent();
  readEvent.setEvent(recorded);
  readEvent.setCommitPosition(event.position.toString());
  const response = new streamsPb.ReadResp();
  response.setEvent(readEvent);
  return response;
}

export function checkpointResponse(position: bigint): ReadResp {
  const checkpoint = new streamsPb.ReadResp.Checkpoint();
  checkpoint.setCommitPosition(position.toString());
  checkpoint.setPreparePosition(position.toString());
  const response = new streamsPb.ReadResp();
  response.setCheckpoint(checkpoint);
  return response;
}

export function confirmationResponse(subscriptionId: string): ReadResp {
  const confirmation = new streamsPb.ReadResp.SubscriptionConfirmation();
  confirmation.setSubscriptionId(subscriptionId);
  const response = new streamsPb.ReadResp();
  response.setConfirmation(confirmation);
  return response;
}

export function caughtUpResponse(): ReadResp {
  const response = new streamsPb.ReadResp();
  response.setCaughtUp(new streamsPb.ReadResp.CaughtUp());
  return response;
}

export function streamNotFoundResponse(name: string): ReadResp {
  const notFound = new streamsPb.ReadResp.StreamNotFound();
  notFound.setStreamIdentifier(streamIdentifier(name));
  const response = new streamsPb.ReadResp();
  response.setStreamNotFound(notFound);
  return response;
}
