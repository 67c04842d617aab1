import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './topology';

/**
 * Sealing of secrets at rest for any subgraph (same scheme as identity's TOTP sealing, which stays
 * private to identity): AES-256-GCM with a key derived from a configured secret.
 */
export function sealingKeyFrom(secret: string, purpose: string): Buffer {
  return createHash('sha256').update(`${purpose}\u0000${secret}`).digest();
}

/** iv.tag.ciphertext in base64url; tampering makes `openSealed` throw. */
export function sealSecret(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.');
}

export function openSealed(key: Buffer, sealed: string): string {
  const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !body) throw new Error('malformed sealed value');
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}

/** A keyed fingerprint: recognisable by whoever holds the key, useless for guessing the secret. */
export function secretFingerprint(key: Buffer, secret: string): string {
  return createHmac('sha256', key).update(secret).digest('hex').slice(0, 16);
}

/** Development only: a random key kept in .cache/<name>, so sealed values survive restarts of `npm start`. */
export function developmentSealingSecret(name: string): string {
  const file = path.join(repoRoot, '.cache', name);
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
