import { ConversationEvents, POST_TOMBSTONES, type Post, type PublicPost } from '@guildhall/shared';
import { useQueryClient } from '@tanstack/react-query';
import { RESYNC, useLiveEvents } from '@/lib/live-events';
import { holdsPost, patchPost, setThread, upsertReply } from './cache';
import { getPost } from './get-posts';
import { getThread } from './get-thread';
import { conversationKeys } from './keys';

const TYPES = ['post.created', 'post.updated', 'post.deleted', 'post.mine', 'reaction.changed', 'thread.updated', RESYNC] as const;

/**
 * An event carries the post as everyone sees it; what only the viewer knows (that it is theirs,
 * their own reactions) is kept from what the page already has.
 */
function asSeenBy(post: PublicPost, meId: string, known?: Post): Post {
  const isMine = known?.isMine ?? (!post.author.anonymous && post.author.person.id === meId);
  return {
    ...post,
    isMine,
    canEdit: isMine && post.status !== 'deleted',
    reactions: post.reactions.map((r) => ({ ...r, mine: known?.reactions.find((k) => k.reaction === r.reaction)?.mine ?? false })),
  };
}

/** A reply someone else just wrote; `shown` is false when it waits behind "Load more". */
export type Arrival = { post: Post; shown: boolean };

/**
 * Keeps an open thread current without reloading: new replies are appended (or wait behind
 * "Load more"), edits, deletions, reactions and thread changes are patched in place. After a
 * reconnect the page refetches, since the stream does not replay what it missed.
 */
export function useThreadLive(threadId: string, meId: string, onArrival: (arrival: Arrival) => void) {
  const queryClient = useQueryClient();
  const patch = (postId: string, update: (post: Post) => Post) => patchPost(queryClient, threadId, postId, update);
  // Patched with what the viewer may see (a hidden post's body reaches its author and moderators only).
  const refresh = (postId: string) =>
    getPost(postId)
      .then((post) => patch(postId, () => post))
      .catch(() => undefined);

  useLiveEvents(TYPES, (type, data) => {
    if (type === RESYNC) {
      void queryClient.invalidateQueries({ queryKey: conversationKeys.thread(threadId) });
      void queryClient.invalidateQueries({ queryKey: conversationKeys.posts(threadId) });
      return;
    }
    const ids = data as { threadId?: unknown; postId?: unknown } | null;
    if (ids?.threadId !== threadId) return;
    const postId = typeof ids.postId === 'string' ? ids.postId : undefined;

    switch (type) {
      case 'post.created': {
        // Already here: my own reply (the page has the author's view of it, which the event lacks).
        if (!postId || holdsPost(queryClient, threadId, postId)) return;
        const mineInFlight = queryClient.isMutating({ mutationKey: conversationKeys.sending(threadId) }) > 0;
        const event = ConversationEvents['post.created'].safeParse(data);
        // A truncated event (too large for the bus) names the post; fetch it.
        const post = event.success ? Promise.resolve(asSeenBy(event.data.post, meId)) : getPost(postId);
        void post
          .then((p) => {
            const shown = upsertReply(queryClient, threadId, p);
            // My own reply is on screen already (or about to be): only others' are announced.
            if (!p.isMine && !mineInFlight) onArrival({ post: p, shown });
          })
          .catch(() => undefined);
        return;
      }
      case 'post.updated': {
        if (!postId) return;
        const event = ConversationEvents['post.updated'].safeParse(data);
        if (event.success && event.data.post.status === 'visible') {
          patch(postId, (known) => asSeenBy(event.data.post, meId, known));
        } else void refresh(postId);
        return;
      }
      case 'post.deleted':
        if (postId) {
          patch(postId, (p) => ({ ...p, status: 'deleted', body: '', bodyHtml: POST_TOMBSTONES.deleted, reactions: [], canEdit: false }));
        }
        return;
      case 'post.mine':
        if (postId) patch(postId, (p) => ({ ...p, isMine: true, canEdit: p.status !== 'deleted' }));
        return;
      case 'reaction.changed': {
        const event = ConversationEvents['reaction.changed'].safeParse(data);
        if (!postId) return;
        if (!event.success) return void refresh(postId);
        patch(postId, (p) => ({
          ...p,
          reactions: event.data.reactions.map((r) => ({ ...r, mine: p.reactions.find((k) => k.reaction === r.reaction)?.mine ?? false })),
        }));
        return;
      }
      case 'thread.updated':
        // Capabilities (a lock), the accepted answer and state are the viewer's view: refetch the header.
        void getThread(threadId)
          .then((thread) => setThread(queryClient, thread))
          .catch(() => queryClient.invalidateQueries({ queryKey: conversationKeys.thread(threadId) }));
        return;
    }
  });
}
