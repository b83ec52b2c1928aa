import type { EventFormat } from '@guildhall/shared';
import type { TintColor } from '../components/tint-badge';

/** One line each, shown where a facilitator picks a format. */
export const FORMAT_HINTS: Record<EventFormat, string> = {
  'lunch-and-learn': 'One talk over lunch: someone shares what they know, everyone leaves with something new.',
  'demo-day': 'Several short demos (5–10 minutes each) of things people built, tried or broke.',
  'problem-solving': 'The community works through open challenges together; open challenge threads join the agenda.',
  'journal-club': 'Everyone reads the same article, paper or talk beforehand, then discusses it.',
  other: 'Anything else: a workshop, a retrospective, a social.',
};

/**
 * Light badges (TintBadge) with shade-9 text: only palettes whose shade 9 reaches WCAG AA on
 * their own tint (orange, teal, green and yellow do not). Colour is a second cue only; the label
 * always says the format.
 */
export const FORMAT_COLORS: Record<EventFormat, TintColor> = {
  'lunch-and-learn': 'pink',
  'demo-day': 'grape',
  'problem-solving': 'cyan',
  'journal-club': 'blue',
  other: 'gray',
};
