export const ACCESS_LIMITS = {
  displayNameMax: 100,
  organisationMax: 100,
  clientNameMax: 100,
  reasonMax: 200,
  idPattern: /^[A-Za-z0-9._:-]{1,64}$/,
} as const;

/** Problems with a required, trimmed, bounded text field; empty when acceptable. */
export function textProblems(field: string, value: string, max: number): string[] {
  const trimmed = value.trim();
  return trimmed.length === 0 || trimmed.length > max || /\p{Cc}/u.test(trimmed)
    ? [`${field} must be 1 to ${max} characters without control characters`]
    : [];
}

export function clipReason(reason: string): string {
  const trimmed = reason.trim().replace(/\p{Cc}/gu, ' ');
  return trimmed.length > ACCESS_LIMITS.reasonMax ? trimmed.slice(0, ACCESS_LIMITS.reasonMax) : trimmed;
}
