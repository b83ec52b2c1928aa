/**
 * How each audited action reads in a sentence ("Fran hid a post"), and in the filter. The
 * server writes these action names (docs/architecture.md lists them); one it adds later and
 * this list lacks still shows, under its raw name.
 */
export const AUDIT_ACTIONS: Record<string, { verb: string; filter: string }> = {
  'post.hide': { verb: 'hid a post', filter: 'Post hidden' },
  'post.restore': { verb: 'restored a post', filter: 'Post restored' },
  'post.flags_dismiss': { verb: 'dismissed the flags on a post', filter: 'Flags dismissed' },
  'thread.lock': { verb: 'locked a thread', filter: 'Thread locked' },
  'thread.unlock': { verb: 'unlocked a thread', filter: 'Thread unlocked' },
  'thread.pin': { verb: 'pinned a thread', filter: 'Thread pinned' },
  'thread.unpin': { verb: 'unpinned a thread', filter: 'Thread unpinned' },
  'thread.move': { verb: 'moved a thread to another community', filter: 'Thread moved' },
  'membership.invite': { verb: 'invited someone to a community', filter: 'Member invited' },
  'membership.approve': { verb: 'added someone to a community', filter: 'Member added' },
  'membership.update': { verb: 'changed someone’s role in a community', filter: 'Member role changed' },
  'membership.remove': { verb: 'removed someone from a community', filter: 'Member removed' },
  'community.visibility_change': { verb: 'changed a community’s visibility', filter: 'Community visibility changed' },
  'community.stage_change': { verb: 'moved a community to another stage', filter: 'Community stage changed' },
  'invite.create': { verb: 'created an invite link', filter: 'Invite created' },
  'proposal.launch': { verb: 'launched a proposed community', filter: 'Proposal launched' },
  'proposal.threshold_change': { verb: 'changed the launch threshold', filter: 'Launch threshold changed' },
};

export const actionVerb = (action: string) => AUDIT_ACTIONS[action]?.verb ?? action;
