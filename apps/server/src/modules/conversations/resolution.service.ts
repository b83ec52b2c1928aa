import type { ChallengeStateInput, Thread } from '@guildhall/shared';
import type { DB } from '../../db/database.ts';
import { badRequest, conflict } from '../../errors.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/policy.ts';
import { now } from '../../platform/ids.ts';
import type { ConversationAccess, ThreadRow } from './conversation-access.ts';
import type { PostsRepository } from './posts.repository.ts';
import type { ThreadsRepository } from './threads.repository.ts';
import type { ThreadsService } from './threads.service.ts';

/**
 * How a thread gets resolved: a question's accepted answer, a challenge's progress and the
 * post that solved it. Both record their time (accepted_at) for time-to-answer.
 */
export class ResolutionService {
  constructor(
    private readonly db: DB,
    private readonly access: ConversationAccess,
    private readonly threads: ThreadsRepository,
    private readonly posts: PostsRepository,
    private readonly threadService: ThreadsService,
  ) {}

  /** The asker (or a facilitator) accepts someone else's reply of the same thread as the answer (409 `thread.own_answer`). */
  async accept(actor: Actor, threadId: string, postId: string): Promise<Thread> {
    const { person, thread, resource } = await this.access.thread(actor, threadId);
    authorize(person, 'thread.accept', resource);
    if (thread.kind !== 'question') throw conflict('thread.not_question', 'Only a question has an accepted answer.');
    await this.requireReply(thread, postId);
    // An accepted answer is the strongest evidence of expertise: accepting one's own would be
    // self-endorsement, whether as the asker or as a facilitator.
    if ((await this.access.post(person, postId)).post.is_mine) {
      throw conflict('thread.own_answer', 'You cannot accept your own answer; the asker or another facilitator can.');
    }
    const at = now();
    await this.db
      .transaction()
      .execute((tx) =>
        this.threads.update(thread.id, { accepted_post_id: postId, accepted_at: at, state: 'answered', updated_at: at }, tx),
      );
    return this.threadService.refreshed(person, thread.id);
  }

  async unaccept(actor: Actor, threadId: string): Promise<Thread> {
    const { person, thread, resource } = await this.access.thread(actor, threadId);
    authorize(person, 'thread.accept', resource);
    if (thread.kind !== 'question') throw conflict('thread.not_question', 'Only a question has an accepted answer.');
    await this.db
      .transaction()
      .execute((tx) =>
        this.threads.update(thread.id, { accepted_post_id: null, accepted_at: null, state: 'unanswered', updated_at: now() }, tx),
      );
    return this.threadService.refreshed(person, thread.id);
  }

  /** open → being-worked → solved (naming someone else's solving post, 409 `thread.own_solution`); reopening clears the solution. */
  async setChallengeState(actor: Actor, threadId: string, input: ChallengeStateInput): Promise<Thread> {
    const { person, thread, resource } = await this.access.thread(actor, threadId);
    authorize(person, 'thread.progress', resource);
    if (thread.kind !== 'challenge')
      throw conflict('thread.not_challenge', 'Only a challenge moves through open, being worked and solved.');
    if (input.state === 'solved' && !input.postId) {
      throw badRequest('thread.solution_required', 'Name the post that solved the challenge.', [
        { field: 'postId', message: 'Required when solved' },
      ]);
    }
    if (input.state !== 'solved' && input.postId) {
      throw badRequest('validation.failed', 'Only a solved challenge names a post.', [
        { field: 'postId', message: 'Only with state "solved"' },
      ]);
    }
    if (input.postId) {
      await this.requireReply(thread, input.postId);
      // Marking a solution counts toward expertise like an accepted answer does, so one's own
      // reply is refused for the same reason, whoever marks it (the challenger or a facilitator).
      if ((await this.access.post(person, input.postId)).post.is_mine) {
        throw conflict('thread.own_solution', 'You cannot mark your own reply as the solution; the challenger or another facilitator can.');
      }
    }
    const at = now();
    const solution =
      input.state === 'solved'
        ? { accepted_post_id: input.postId ?? null, accepted_at: at }
        : { accepted_post_id: null, accepted_at: null };
    await this.db.transaction().execute((tx) => this.threads.update(thread.id, { state: input.state, ...solution, updated_at: at }, tx));
    return this.threadService.refreshed(person, thread.id);
  }

  /** An answer is a reply of this very thread that is still shown, never the question itself. */
  private async requireReply(thread: ThreadRow, postId: string): Promise<void> {
    const post = await this.posts.locate(postId);
    if (!post || post.thread_id !== thread.id) {
      throw badRequest('thread.answer_not_in_thread', 'The answer must be a reply in this thread.', [
        { field: 'postId', message: 'Not a reply in this thread' },
      ]);
    }
    if (post.id === thread.first_post_id) {
      throw badRequest('thread.answer_is_question', 'The opening post cannot answer itself; choose a reply.', [
        { field: 'postId', message: 'The opening post' },
      ]);
    }
    if (post.deleted_at || post.hidden_at) throw conflict('post.unavailable', 'That post is no longer shown.');
  }
}
