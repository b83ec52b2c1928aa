import { type PostReactions, REACTIONS, type Reaction } from '@guildhall/shared';
import { badRequest, conflict } from '../../errors.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/policy.ts';
import { now } from '../../platform/ids.ts';
import type { EventSender } from '../../platform/realtime/event-sender.ts';
import type { ConversationAccess } from './conversation-access.ts';
import { event } from './conversations.events.ts';
import { reactionsOf } from './present.ts';
import type { ReactionsRepository } from './reactions.repository.ts';

const isReaction = (value: string): value is Reaction => (REACTIONS as readonly string[]).includes(value);

export class ReactionsService {
  constructor(
    private readonly access: ConversationAccess,
    private readonly reactions: ReactionsRepository,
    private readonly events: EventSender,
  ) {}

  /**
   * Turns one of the person's reactions on or off. Idempotent either way, so a double click
   * or a retried request cannot count twice. Who reacted is never listed, only counts and "mine".
   * Nobody reacts to their own post (409 `reaction.own_post`).
   */
  async set(actor: Actor, postId: string, reaction: string, on: boolean): Promise<PostReactions> {
    if (!isReaction(reaction)) {
      throw badRequest('reaction.unknown', `React with one of: ${REACTIONS.join(', ')}.`, [
        { field: 'reaction', message: 'Unknown reaction' },
      ]);
    }
    const { person, post, resource } = await this.access.post(actor, postId);
    authorize(person, 'post.react', resource);
    if (on) {
      if (post.deleted_at || post.hidden_at) throw conflict('post.unavailable', 'This post is no longer shown.');
      // Reactions are how others vouch for a post (they count toward the author's expertise), so
      // one's own would only inflate it. Taking back an old one stays possible.
      if (post.is_mine) throw conflict('reaction.own_post', 'Reactions are for other people’s posts, not your own.');
      await this.reactions.add(post.id, person.personId, reaction, now());
    } else {
      await this.reactions.remove(post.id, person.personId, reaction);
    }
    const reactions = reactionsOf(await this.reactions.counts([post.id], person.personId));
    await this.events.send([
      event('reaction.changed', post.community_id, {
        threadId: post.thread_id,
        postId: post.id,
        reactions: reactions.map(({ mine: _mine, ...count }) => count),
      }),
    ]);
    return { postId: post.id, reactions };
  }
}
