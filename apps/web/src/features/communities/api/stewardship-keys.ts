/**
 * Keys for what facilitators tend (charter, stage, core health, origin); under 'communities'
 * like the others, so a membership change refreshes them too.
 */
export const stewardshipKeys = {
  charter: (slug: string) => ['communities', 'charter', slug] as const,
  charterRevisions: (slug: string) => ['communities', 'charter-revisions', slug] as const,
  lifecycle: (slug: string) => ['communities', 'lifecycle', slug] as const,
  coreHealth: (slug: string) => ['communities', 'core-health', slug] as const,
  proposal: (slug: string) => ['communities', 'proposal', slug] as const,
};
