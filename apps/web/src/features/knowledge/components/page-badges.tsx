import { PAGE_KIND_LABELS, type PageKind, type PageStatus } from '@guildhall/shared';
import { Badge } from '@mantine/core';

/** Each kind keeps one background colour everywhere; the label says it in words, in dark text (AA contrast on every tint). */
const KIND_COLORS: Record<PageKind, string> = {
  guide: 'blue',
  'best-practice': 'teal',
  'lesson-learned': 'orange',
  decision: 'grape',
  'how-to': 'indigo',
  'reading-notes': 'cyan',
};

export function KindBadge({ kind, size = 'sm' }: { kind: PageKind; size?: 'xs' | 'sm' | 'md' }) {
  return (
    <Badge component="span" color={KIND_COLORS[kind]} c="dark.8" variant="light" size={size} data-testid="kind-badge">
      {PAGE_KIND_LABELS[kind]}
    </Badge>
  );
}

export function StatusBadges({ status, isStale, size = 'sm' }: { status: PageStatus; isStale?: boolean; size?: 'xs' | 'sm' | 'md' }) {
  return (
    <>
      {status === 'draft' && (
        <Badge component="span" color="gray" variant="outline" size={size}>
          Draft
        </Badge>
      )}
      {isStale && (
        <Badge component="span" color="yellow" variant="light" size={size} c="yellow.9">
          Needs review
        </Badge>
      )}
    </>
  );
}
