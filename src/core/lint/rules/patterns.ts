// Shared detectors for volatile tokens, secrets and personal data. Inputs are hostile (any string a trace
// carries), so every pattern is linear: each run of a character class starts at a lookbehind boundary of
// that same class (so a failed attempt is never retried from inside the run), runs are separated by
// literals the class excludes, and repeats are bounded. Values are also cut to SCAN_CHARS before scanning.
import { memoByString } from '../../memo.ts';

/** How much of one string value is scanned; longer values are reported by huge-attribute-value anyway. */
export const SCAN_CHARS = 64 * 1024;

/** Shows that something was found without repeating it: the first 4 characters and an ellipsis. */
export function masked(secret: string): string {
  return `${secret.slice(0, 4)}\u2026`;
}

const UUID = /(?<![0-9a-f])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-f])/i;
const EMAIL = /(?<![\w.%+-])[\w.%+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,8}\.[a-z]{2,24}(?![\w-])/i;
const IPV4 = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])/;
const DATE = /(?<!\d)(?:19|20)\d\d-?(?:0[1-9]|1[0-2])-?(?:0[1-9]|[12]\d|3[01])(?!\d)/;
/** Unix seconds (2001–2033) or milliseconds as a standalone number. */
const EPOCH = /(?<![\w.])1\d{9}(?:\d{3})?(?![\w.])/;
const NUMERIC_SEGMENT = /(?:\/\d{2,}(?![\w-])|=\d+(?!\w))/;

export type VolatileToken = 'uuid' | 'hex' | 'number' | 'email' | 'ip' | 'date' | 'query';

/** One memo per hex-run threshold (a handful at most: thresholds come from the config). */
const tokenMemos = new Map<number, (text: string) => readonly VolatileToken[]>();

/** Id-like tokens in a name or template: what makes each instance different. */
export function volatileTokens(text: string, minHexRun = 16): VolatileToken[] {
  const run = Math.max(1, Math.floor(minHexRun));
  let memo = tokenMemos.get(run);
  if (memo === undefined) {
    if (tokenMemos.size >= 8) tokenMemos.clear();
    const hex = new RegExp(`(?<![0-9a-f])[0-9a-f]{${run},}(?![0-9a-f])`, 'i');
    tokenMemos.set(run, (memo = memoByString((t) => volatileTokensIn(t, hex))));
  }
  // A copy, so a caller cannot change the remembered answer.
  return [...memo(text)];
}

function volatileTokensIn(text: string, hex: RegExp): VolatileToken[] {
  const s = text.slice(0, SCAN_CHARS);
  const found: VolatileToken[] = [];
  if (UUID.test(s)) found.push('uuid');
  // A hex run counts only when it has a digit: `deadbeefdeadbeef` words are rare, ids almost always mix.
  const h = hex.exec(s.replace(UUID, ''));
  if (h && /\d/.test(h[0])) found.push('hex');
  if (NUMERIC_SEGMENT.test(s)) found.push('number');
  if (EMAIL.test(s)) found.push('email');
  if (IPV4.test(s)) found.push('ip');
  if (DATE.test(s) || EPOCH.test(s)) found.push('date');
  if (s.includes('?')) found.push('query');
  return found;
}

const UUID_ALL = new RegExp(UUID.source, 'gi');
const HEX_ALL = /(?<![0-9a-f])(?=[0-9a-f]*\d)[0-9a-f]{16,}(?![0-9a-f])/gi;

/** A name with its instance-specific parts masked, so names of one operation collapse to one (remembered per name). */
export const maskVolatile: (name: string) => string = memoByString((name) => name
  .slice(0, SCAN_CHARS)
  // replace() with a global pattern starts from 0 and resets lastIndex, so sharing the patterns is safe.
  .replace(UUID_ALL, '{uuid}')
  .replace(HEX_ALL, '{hex}')
  .replace(/\d+/g, '#'));

export interface SecretKind {
  readonly kind: string;
  readonly re: RegExp;
}

/** Credentials with a recognisable shape (RULES.md secret-pattern; prefixes documented by each vendor). */
export const SECRET_PATTERNS: readonly SecretKind[] = [
  { kind: 'JWT', re: /(?<![\w-])eyJ[\w-]{1,8192}\.[\w-]{1,8192}\./ },
  { kind: 'Bearer token', re: /\bBearer[ \t]{1,16}[^\s,;"']{16,}/i },
  { kind: 'AWS access key id', re: /(?<![0-9A-Z])(?:AKIA|ASIA)[0-9A-Z]{16}(?![0-9A-Z])/ },
  { kind: 'private key', re: /-----BEGIN [A-Z ]{0,24}PRIVATE KEY/ },
  { kind: 'GitHub token', re: /(?<!\w)gh[pousr]_\w{36}/ },
  { kind: 'Slack token', re: /(?<![\w-])xox[baprs]-[\w-]{6,}/ },
  { kind: 'Stripe live key', re: /(?<!\w)sk_live_\w{8,}/ },
];

/** The first credential-shaped substring of `s`, if any (remembered per string: values repeat across spans). */
export const findSecret: (s: string) => { kind: string; match: string } | undefined = memoByString(findSecretIn);

function findSecretIn(s: string): { kind: string; match: string } | undefined {
  const text = s.slice(0, SCAN_CHARS);
  for (const { kind, re } of SECRET_PATTERNS) {
    const m = re.exec(text);
    if (m) return { kind, match: m[0] };
  }
  return undefined;
}

/** Luhn checksum over the digits of `s` (card numbers). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** ISO 13616 mod-97 check: move the first four characters to the end, letters become 10..35. */
export function ibanValid(iban: string): boolean {
  const s = iban.replace(/ /g, '');
  if (s.length < 15 || s.length > 34) return false;
  let rem = 0;
  for (const ch of s.slice(4) + s.slice(0, 4)) {
    const code = ch.charCodeAt(0);
    const v = code >= 65 ? String(code - 55) : ch;
    for (const d of v) rem = (rem * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return rem === 1;
}

// Card numbers: 13–19 digits, single spaces or dashes allowed between digits, first digit 2–6 (the major
// networks); a leading 1 would be an epoch timestamp. Word boundaries keep ids and hex runs out.
const CARD = /(?<![\w-])[2-6](?:[ -]?\d){12,18}(?![\w-])/g;
const IBAN = /(?<![\w])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![\w])/g;
const SSN = /(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])/;

/** The first personal-data-shaped substring of `s`, if any (remembered per string: values repeat across spans). */
export const findPii: (s: string) => { kind: string; match: string } | undefined = memoByString(findPiiIn);

function findPiiIn(s: string): { kind: string; match: string } | undefined {
  const text = s.slice(0, SCAN_CHARS);
  const email = EMAIL.exec(text);
  if (email) return { kind: 'an email address', match: email[0] };
  for (const m of text.matchAll(CARD)) {
    if (luhnValid(m[0].replace(/[ -]/g, ''))) return { kind: 'a card number', match: m[0] };
  }
  for (const m of text.matchAll(IBAN)) {
    if (ibanValid(m[0])) return { kind: 'an IBAN', match: m[0] };
  }
  const ssn = SSN.exec(text);
  if (ssn) return { kind: 'a US social security number', match: ssn[0] };
  return undefined;
}

/** An IPv4 or IPv6 literal (optionally bracketed), as opposed to a DNS name. */
export function isIpLiteral(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  if (v4) return v4.slice(1).every((p) => Number(p) <= 255);
  return h.length <= 45 && /^[0-9a-f:.]+$/i.test(h) && (h.match(/:/g)?.length ?? 0) >= 2;
}

export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}
