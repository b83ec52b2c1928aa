import { createHash, randomBytes } from 'node:crypto';
import { v7 } from 'uuid';

/** Time-ordered ids keep B-tree inserts local and make "newest first" cheap. */
export const newId = (): string => v7();

/** A 256-bit secret, URL-safe, with a readable prefix so leaked tokens can be recognised. */
export const newSecret = (prefix: string): string => `${prefix}_${randomBytes(32).toString('base64url')}`;

/** Secrets are stored only as this hash: a database leak does not hand out sessions. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export const now = (): string => new Date().toISOString();
