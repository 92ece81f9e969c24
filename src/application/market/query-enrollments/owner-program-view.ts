import type { ProgramObject } from '../programs-read-model/programs.sql.js';

/** A program as an owner choosing one reads it: names and what it sends, never the utility's client or provider id. */
export interface OwnerProgramView {
  readonly id: string;
  readonly programName: string;
  /** PROGRAM_LONG_NAME, RETAILER_LONG_NAME / RETAILER_NAME, PROGRAM_TYPE attributes, when the utility gave them. */
  readonly longName: string | null;
  readonly retailerName: string | null;
  readonly programType: string | null;
  /** The event payload types it announces (PRICE, SIMPLE, ALERT_*, …). */
  readonly payloadTypes: readonly string[];
  readonly descriptionUrls: readonly string[];
  readonly publishedAt: string;
}

function attribute(program: ProgramObject, ...types: string[]): string | null {
  for (const type of types) {
    const value = program.attributes?.find((a) => a.type === type)?.values[0];
    if (typeof value === 'string') return value;
  }
  return null;
}

export function ownerProgramView(program: ProgramObject): OwnerProgramView {
  return {
    id: program.id,
    programName: program.programName,
    longName: attribute(program, 'PROGRAM_LONG_NAME'),
    retailerName: attribute(program, 'RETAILER_LONG_NAME', 'RETAILER_NAME'),
    programType: attribute(program, 'PROGRAM_TYPE'),
    payloadTypes: (program.payloadDescriptors ?? [])
      .filter((d) => d.objectType === 'EVENT_PAYLOAD_DESCRIPTOR')
      .map((d) => d.payloadType),
    descriptionUrls: (program.programDescriptions ?? []).map((d) => d.URL),
    publishedAt: program.createdDateTime,
  };
}
