import { Button } from '@mantine/core';
import { IconArrowBigUp, IconArrowBigUpFilled } from '@tabler/icons-react';

type Props = { votes: number; mine: boolean; what: string; disabled?: boolean; loading?: boolean; onToggle: (on: boolean) => void };

/** An upvote that says what it is for and whether it is mine (aria-pressed). */
export function VoteButton({ votes, mine, what, disabled, loading, onToggle }: Props) {
  return (
    <Button
      variant={mine ? 'light' : 'default'}
      size="xs"
      leftSection={mine ? <IconArrowBigUpFilled size={14} aria-hidden /> : <IconArrowBigUp size={14} aria-hidden />}
      aria-pressed={mine}
      aria-label={`${mine ? 'Remove your vote for' : 'Vote for'} ${what} (${votes} ${votes === 1 ? 'vote' : 'votes'})`}
      disabled={disabled}
      loading={loading}
      onClick={() => onToggle(!mine)}
      data-testid="vote-button"
    >
      {votes}
    </Button>
  );
}
