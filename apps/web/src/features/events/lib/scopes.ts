import type { EditScope } from '@guildhall/shared';

/** The series-editing choice, in words people use for calendar invites. */
export const SCOPES: { value: EditScope; label: string; description: string }[] = [
  { value: 'this', label: 'This session', description: 'Only this one changes; the rest of the series stays as it is.' },
  {
    value: 'following',
    label: 'This and following sessions',
    description: 'From this session on. Earlier sessions, with their RSVPs and notes, stay as they were.',
  },
  { value: 'all', label: 'All sessions', description: 'The whole series, earlier sessions included.' },
];

export const isScope = (s: string | null): s is EditScope => s === 'this' || s === 'following' || s === 'all';
