import { createHmac } from 'node:crypto';
import { signatureBase, signatureHeader } from '../../core/webhook/signature.js';

/** `Parley-Signature` for a body sent at `timestamp` (Unix seconds): `v1=` hex HMAC-SHA256 of "timestamp.body". */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return signatureHeader(createHmac('sha256', secret).update(signatureBase(timestamp, body)).digest('hex'));
}
