// Regenerates src/infrastructure/auth/common-passwords.txt from the dictionary of leaked passwords that
// @zxcvbn-ts/language-common ships (MIT). Run after upgrading that package: node scripts/build-common-passwords.mjs
import { writeFileSync } from 'node:fs';
import passwords from '@zxcvbn-ts/language-common/dist/passwords.json.mjs';

const unique = [...new Set(passwords.map((p) => p.toLowerCase()))];
const header = '# Common passwords (lower-cased, most common first), from @zxcvbn-ts/language-common. One per line.\n';
writeFileSync(
  new URL('../src/infrastructure/auth/common-passwords.txt', import.meta.url),
  `${header}${unique.join('\n')}\n`,
);
console.log(`${unique.length} passwords written`);
