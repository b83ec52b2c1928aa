import type { Category, Role, Stage } from '@guildhall/shared';

export const STAGE_LABELS: Record<Stage, string> = {
  potential: 'Potential',
  coalescing: 'Coalescing',
  maturing: 'Maturing',
  stewardship: 'Stewardship',
  archived: 'Closed',
};

export const ROLE_LABELS: Record<Role, string> = {
  facilitator: 'Facilitator',
  core: 'Core group',
  member: 'Member',
};

/** Section headings for the member list, in the order they appear. */
export const ROLE_GROUPS: { role: Role; heading: string }[] = [
  { role: 'facilitator', heading: 'Facilitators' },
  { role: 'core', heading: 'Core group' },
  { role: 'member', heading: 'Members' },
];

/** The three kinds of focus the brief names, with its own examples. */
export const CATEGORY_HINTS: Record<Category, string> = {
  'new-technology': 'Learning something new together, e.g. serverless architecture.',
  'cross-cutting-concern': 'A concern every team shares, e.g. security best practices.',
  'recurring-struggle': 'Something teams keep struggling with, e.g. performance optimisation.',
};
