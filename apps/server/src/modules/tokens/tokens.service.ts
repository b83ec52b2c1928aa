import type { ApiToken, CreatedToken, CreateTokenInput } from '@guildhall/shared';
import { notFound } from '../../errors.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/policy.ts';
import { hashSecret, newId, newSecret, now } from '../../platform/ids.ts';
import type { TokensRepository } from './tokens.repository.ts';

export class TokensService {
  constructor(private readonly tokens: TokensRepository) {}

  async list(actor: Actor): Promise<ApiToken[]> {
    authorize(actor, 'token.manage', { type: 'self' });
    return this.tokens.listActive(actor.personId);
  }

  async create(actor: Actor, input: CreateTokenInput): Promise<CreatedToken> {
    authorize(actor, 'token.manage', { type: 'self' });
    const token = newSecret('ghp');
    // The prefix lets a person recognise a token in their list without the secret being kept.
    const created = { id: newId(), name: input.name, prefix: token.slice(0, 10), createdAt: now() };
    await this.tokens.insert({ ...created, personId: actor.personId, tokenHash: hashSecret(token) });
    return { ...created, lastUsedAt: null, token };
  }

  async revoke(actor: Actor, tokenId: string): Promise<void> {
    authorize(actor, 'token.manage', { type: 'self' });
    if (!(await this.tokens.revoke(actor.personId, tokenId, now()))) {
      throw notFound('token.not_found', 'No such active token.');
    }
  }
}
