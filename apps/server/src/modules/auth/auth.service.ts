import type { CreatedInvite, CreateInviteInput, Invite, SignInInput, SignUpInput, SignUpPolicy } from '@guildhall/shared';
import type { DB, Tx } from '../../db/database.ts';
import { AppError, conflict, forbidden } from '../../errors.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { CredentialsRepository } from '../../platform/auth/credentials.repository.ts';
import { decoyHash, hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { authorize } from '../../platform/auth/policy.ts';
import { hashSecret, newId, newSecret, now } from '../../platform/ids.ts';
import type { PeopleRepository } from '../people/index.ts';
import type { AuthRepository } from './auth.repository.ts';

export type NewSession = { personId: string; token: string; expiresAt: Date };

export class AuthService {
  constructor(
    private readonly db: DB,
    private readonly auth: AuthRepository,
    private readonly people: PeopleRepository,
    private readonly credentials: CredentialsRepository,
    private readonly allowedEmailDomains: string[],
  ) {}

  async signUpPolicy(): Promise<SignUpPolicy> {
    return {
      firstAccount: !(await this.auth.adminClaimed()),
      inviteRequired: this.allowedEmailDomains.length > 0,
      allowedEmailDomains: this.allowedEmailDomains,
    };
  }

  async signUp(input: SignUpInput): Promise<NewSession> {
    // Hash before the transaction: argon2 is deliberately slow and must not hold a write lock.
    const passwordHash = await hashPassword(input.password);
    const personId = newId();
    const at = now();
    const domain = input.email.split('@')[1] ?? '';
    const domainAllowed = this.allowedEmailDomains.length === 0 || this.allowedEmailDomains.includes(domain);

    await this.db.transaction().execute(async (tx) => {
      if (await this.people.emailTaken(input.email, tx)) {
        throw conflict('auth.email_taken', 'An account with that email already exists. Sign in instead.');
      }
      await this.people.insert({ id: personId, email: input.email, passwordHash, name: input.name, orgRole: 'member', createdAt: at }, tx);
      const isFirst = await this.auth.claimFirstAdmin(personId, tx);
      if (isFirst) {
        await tx.updateTable('person').set({ org_role: 'admin' }).where('id', '=', personId).execute();
        return;
      }
      if (input.inviteToken) {
        await this.redeemInvite(input.inviteToken, input.email, personId, at, tx);
      } else if (!domainAllowed) {
        throw new AppError(403, 'auth.invite_required', 'Sign-up with this email needs an invite link from an admin.', [
          { field: 'email', message: `Use an address at ${this.allowedEmailDomains.join(', ')}, or an invite link` },
        ]);
      }
    });

    const session = await this.credentials.createSession(personId);
    return { personId, ...session };
  }

  /** An invite is single-use; one made for a specific address only works for that address. */
  private async redeemInvite(token: string, email: string, personId: string, at: string, tx: Tx) {
    const invite = await this.auth.findUsableInvite(hashSecret(token), at, tx);
    if (!invite || (invite.email && invite.email !== email)) throw inviteInvalid();
    if (!(await this.auth.markInviteUsed(invite.id, personId, at, tx))) throw inviteInvalid();
  }

  async signIn(input: SignInInput): Promise<NewSession> {
    const person = await this.people.findCredentials(input.email);
    const ok = await verifyPassword(person?.password_hash ?? (await decoyHash()), input.password);
    if (!person || !ok) {
      throw new AppError(401, 'auth.invalid_credentials', 'That email and password do not match an account.');
    }
    const session = await this.credentials.createSession(person.id);
    return { personId: person.id, ...session };
  }

  async signOut(token: string | undefined): Promise<void> {
    if (token) await this.credentials.deleteSession(token);
  }

  async createInvite(actor: Actor, input: CreateInviteInput, origin: string): Promise<CreatedInvite> {
    authorize(actor, 'org.admin', { type: 'org' });
    const token = newSecret('ghi');
    const invite = {
      id: newId(),
      email: input.email ?? null,
      createdAt: now(),
      expiresAt: new Date(Date.now() + input.expiresInDays * 24 * 3600 * 1000).toISOString(),
    };
    await this.db.transaction().execute(async (tx) => {
      await this.auth.insertInvite({ ...invite, tokenHash: hashSecret(token), createdBy: actor.personId }, tx);
      await recordAudit(tx, {
        actorId: actor.personId,
        action: 'invite.create',
        targetType: 'invite',
        targetId: invite.id,
        detail: { email: invite.email },
      });
    });
    return { ...invite, usedAt: null, token, url: `${origin}/signup?invite=${encodeURIComponent(token)}` };
  }

  async listInvites(actor: Actor): Promise<Invite[]> {
    authorize(actor, 'org.admin', { type: 'org' });
    return this.auth.listInvites();
  }
}

export const inviteInvalid = () =>
  forbidden('auth.invite_invalid', 'That invite link is invalid, used or expired. Ask an admin for a new one.');
