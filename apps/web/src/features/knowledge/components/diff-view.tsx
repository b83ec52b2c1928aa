import type { DiffSegment, TextDiff } from '@guildhall/shared';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { plural } from '@/lib/format';
import classes from './diff-view.module.css';

/** Unchanged stretches longer than this many lines are folded to their first and last lines. */
const FOLD_LINES = 8;
const CONTEXT_LINES = 2;

type Piece = DiffSegment | { type: 'fold'; text: string; hidden: number; index: number };

/** Long unchanged runs folded, so the changes are what the eye finds. */
function fold(segments: DiffSegment[], open: ReadonlySet<number>): Piece[] {
  const out: Piece[] = [];
  for (const [index, segment] of segments.entries()) {
    const lines = segment.text.split('\n');
    if (segment.type !== 'equal' || lines.length <= FOLD_LINES || open.has(index)) {
      out.push(segment);
      continue;
    }
    const head = index === 0 ? [] : lines.slice(0, CONTEXT_LINES);
    const tail = index === segments.length - 1 ? [] : lines.slice(-CONTEXT_LINES);
    const hidden = lines.length - head.length - tail.length;
    if (head.length) out.push({ type: 'equal', text: `${head.join('\n')}\n` });
    out.push({ type: 'fold', text: '', hidden, index });
    if (tail.length) out.push({ type: 'equal', text: tail.join('\n') });
  }
  return out;
}

type Props = { diff: TextDiff; label: string; testId?: string };

/**
 * An inline, word-level diff from the API: added words underlined on green (<ins>), removed
 * ones struck through on red (<del>), each announced as such to screen readers.
 */
export function DiffView({ diff, label, testId }: Props) {
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  if (!diff.changed) {
    return (
      <Text size="sm" c="dimmed">
        {label}: no change.
      </Text>
    );
  }
  return (
    <Stack gap={6}>
      <Group gap="xs" justify="space-between">
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Text size="xs" c="dimmed">
          {plural(diff.inserted, 'word')} added, {plural(diff.deleted, 'word')} removed
        </Text>
      </Group>
      <div className={classes.diff} data-testid={testId}>
        {fold(diff.segments, open).map((piece, i) => {
          const key = `${i}:${piece.type}`;
          if (piece.type === 'insert') return <ins key={key}>{piece.text}</ins>;
          if (piece.type === 'delete') return <del key={key}>{piece.text}</del>;
          if (piece.type === 'fold') {
            return (
              <span key={key} className={classes.gap}>
                <Button variant="subtle" size="compact-xs" onClick={() => setOpen((s) => new Set([...s, piece.index]))}>
                  Show {plural(piece.hidden, 'unchanged line')}
                </Button>
              </span>
            );
          }
          return <span key={key}>{piece.text}</span>;
        })}
      </div>
    </Stack>
  );
}

export function DiffLegend() {
  return (
    <Text size="xs" c="dimmed">
      <ins style={{ background: 'var(--mantine-color-green-1)', color: 'var(--mantine-color-black)' }}>Added text</ins> is underlined on
      green; <del style={{ background: 'var(--mantine-color-red-1)', color: 'var(--mantine-color-black)' }}>removed text</del> is struck
      through on red.
    </Text>
  );
}
