/**
 * The webhook signature scheme, without the cryptography (core does no I/O and holds no crypto): the
 * server computes `hex(HMAC-SHA256(secret, signatureBase(timestamp, body)))` and sends it as
 * `Parley-Signature: v1=<hex>`, with `Parley-Timestamp: <timestamp>` (Unix seconds).
 */
export const SIGNATURE_VERSION = 'v1';

/** What is signed: the timestamp header, a dot, then the raw request body. */
export const signatureBase = (timestamp: string | number, body: string): string => `${timestamp}.${body}`;

/** The `Parley-Signature` header value for a hex digest. */
export const signatureHeader = (hexDigest: string): string => `${SIGNATURE_VERSION}=${hexDigest}`;

/** The hex digests a `Parley-Signature` header carries for the current version (several, during a secret rotation). */
export function signaturesOf(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${SIGNATURE_VERSION}=`))
    .map((part) => part.slice(SIGNATURE_VERSION.length + 1))
    .filter((hex) => /^[0-9a-f]{64}$/.test(hex));
}

/** Unix seconds for a millisecond time, as sent in `Parley-Timestamp`. */
export const unixSeconds = (ms: number): number => Math.floor(ms / 1000);
