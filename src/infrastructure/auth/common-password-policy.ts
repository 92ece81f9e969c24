import { readFileSync } from 'node:fs';
import type { PasswordPolicy } from '../../application/access/ports/password-hasher.port.js';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** Reads the shipped list: one lower-cased password per line, `#` lines are comments. */
export function loadCommonPasswords(
  path: URL = new URL('./common-passwords.txt', import.meta.url),
): ReadonlySet<string> {
  const words = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'));
  return new Set(words);
}

/**
 * Length 12 to 128 counted in code points (any character allowed, nothing stripped or truncated), and not one of
 * the commonly used passwords — compared case-insensitively, so `Password1234` counts as `password1234`.
 */
export class CommonPasswordPolicy implements PasswordPolicy {
  constructor(private readonly common: ReadonlySet<string> = loadCommonPasswords()) {}

  problems(password: string): string[] {
    const length = [...password].length;
    if (length < PASSWORD_MIN_LENGTH) return [`password must be at least ${PASSWORD_MIN_LENGTH} characters`];
    if (length > PASSWORD_MAX_LENGTH) return [`password must be at most ${PASSWORD_MAX_LENGTH} characters`];
    if (this.common.has(password.toLowerCase()))
      return ['password is too common; choose one that is not on lists of leaked passwords'];
    return [];
  }
}
