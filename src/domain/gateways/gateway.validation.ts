import { NETWORK_TYPES, type NetworkType } from './gateway.events.js';

/** Limits shared by the decider and the transports, so both report the same rule. */
export const GATEWAY_LIMITS = {
  idPattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
  nameMax: 100,
  addressMax: 200,
  descriptionMax: 1000,
  labelMax: 100,
  ownerMax: 200,
  reasonMax: 500,
  /** Link-supplied text (refusal details, close reasons) may come from an attacker: kept short. */
  linkTextMax: 200,
} as const;

export interface RegistrationInput {
  readonly gatewayId: string;
  readonly name: string;
  readonly networkType: string;
  readonly address: string;
  readonly description: string;
  readonly location: { readonly lat: number; readonly lon: number; readonly label: string };
  readonly ownerId: string;
}

export function isNetworkType(value: string): value is NetworkType {
  return (NETWORK_TYPES as readonly string[]).includes(value);
}

function length(problems: string[], field: string, value: string, min: number, max: number): void {
  const n = value.trim().length;
  if (n < min || value.length > max) {
    problems.push(
      min > 0
        ? `${field} must be ${min} to ${max} characters (got ${value.length})`
        : `${field} must be at most ${max} characters (got ${value.length})`,
    );
  }
}

function range(problems: string[], field: string, value: number, min: number, max: number): void {
  if (!Number.isFinite(value) || value < min || value > max) {
    problems.push(`${field} must be a number from ${min} to ${max} (got ${String(value)})`);
  }
}

/** Every problem with a registration, in field order; empty when it is valid. */
export function registrationProblems(input: RegistrationInput): string[] {
  const problems: string[] = [];
  if (!GATEWAY_LIMITS.idPattern.test(input.gatewayId)) {
    problems.push(
      'gateway id must be 1 to 64 characters of letters, digits, ".", "_" or "-", starting with a letter or digit',
    );
  }
  length(problems, 'name', input.name, 1, GATEWAY_LIMITS.nameMax);
  if (!isNetworkType(input.networkType)) {
    problems.push(`network type must be one of ${NETWORK_TYPES.join(', ')} (got ${JSON.stringify(input.networkType)})`);
  }
  length(problems, 'address', input.address, 1, GATEWAY_LIMITS.addressMax);
  length(problems, 'description', input.description, 0, GATEWAY_LIMITS.descriptionMax);
  range(problems, 'lat', input.location.lat, -90, 90);
  range(problems, 'lon', input.location.lon, -180, 180);
  length(problems, 'location label', input.location.label, 0, GATEWAY_LIMITS.labelMax);
  length(problems, 'owner', input.ownerId, 1, GATEWAY_LIMITS.ownerMax);
  return problems;
}

/** Cuts link-supplied text to a bounded length so the log cannot be padded through it. */
export function clip(text: string, max: number = GATEWAY_LIMITS.linkTextMax): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
