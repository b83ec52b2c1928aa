import { z } from 'zod';
import { line } from '../common/index.ts';
import { Me } from '../people/index.ts';

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'Enter a valid email address' }));

/** Long passphrases are welcome; the upper bound keeps hashing cheap to refuse. */
export const Password = z.string().min(10, { message: 'Use at least 10 characters' }).max(256, { message: 'Use at most 256 characters' });

export const SignUpInput = z.strictObject({
  email: Email,
  password: Password,
  name: line(80),
  inviteToken: z.string().max(128).optional(),
});
export type SignUpInput = z.infer<typeof SignUpInput>;

export const SignInInput = z.strictObject({
  email: Email,
  password: z.string().min(1).max(256),
});
export type SignInInput = z.infer<typeof SignInInput>;

/** What the sign-up page needs to know before anyone is signed in. */
export const SignUpPolicy = z.object({
  firstAccount: z.boolean(),
  inviteRequired: z.boolean(),
  allowedEmailDomains: z.array(z.string()),
});
export type SignUpPolicy = z.infer<typeof SignUpPolicy>;

/** Who is signed in, if anyone: being signed out is an answer here, not an error. */
export const Session = z.object({ me: Me.nullable() });
export type Session = z.infer<typeof Session>;
