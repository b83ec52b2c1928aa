import { Alert, Button, Group, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { IconGitMerge } from '@tabler/icons-react';
import { formatRelative } from '@/lib/format';
import type { PageConflict } from '../api/save-page';
import { readableAlert } from '../lib/alert-styles';
import { DiffLegend, DiffView } from './diff-view';

type Props = {
  conflict: PageConflict;
  /** The person's own title and text, as they have them now (still editable here). */
  mine: { title: string; bodySource: string };
  onMineChange: (bodySource: string) => void;
  /** Save the person's text (with any hand-made merge) as the next version. */
  onUseMine: () => void;
  /** Continue from the other person's version; the person's text is kept aside, not thrown away. */
  onTakeTheirs: () => void;
  saving: boolean;
  error?: string;
};

const textareaStyles = { input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-sm)' } };

/**
 * A 409 page.version_conflict, resolved by hand: the newer version someone else saved beside
 * the person's own text (kept exactly as they wrote it, and editable), what the other person
 * changed since this editor opened, and the two ways forward.
 */
export function ConflictMerge({ conflict, mine, onMineChange, onUseMine, onTakeTheirs, saving, error }: Props) {
  const { current, changes } = conflict;
  const who = current.updatedBy?.name ?? 'Someone';
  return (
    <Stack gap="md" data-testid="conflict-merge">
      <Alert
        styles={readableAlert}
        color="orange"
        variant="light"
        icon={<IconGitMerge aria-hidden />}
        title="Someone saved a newer version while you were editing"
      >
        <Text size="sm">
          {who} saved version {current.version} {formatRelative(current.updatedAt)}
          {current.summary ? ` (“${current.summary}”)` : ''}. Your text has not been saved, and it is not lost: it is on the right. Combine
          the two by hand if you like, then choose how to continue.
        </Text>
      </Alert>
      {current.title !== mine.title && (
        <Text size="sm">
          Their title: <strong>{current.title}</strong> — yours: <strong>{mine.title}</strong>
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Textarea
          label={`Their version (version ${current.version})`}
          description="Read only. Copy from it what you want to keep."
          value={current.bodySource}
          readOnly
          autosize
          minRows={8}
          maxRows={24}
          styles={textareaStyles}
          data-testid="conflict-theirs"
        />
        <Textarea
          label="Your text"
          description="Exactly as you wrote it; edit it here to merge."
          value={mine.bodySource}
          onChange={(e) => onMineChange(e.currentTarget.value)}
          autosize
          minRows={8}
          maxRows={24}
          styles={textareaStyles}
          error={error}
          data-testid="conflict-mine"
        />
      </SimpleGrid>
      {changes && (changes.body.changed || changes.title.changed) && (
        <Stack gap="xs" data-testid="conflict-changes">
          <Text size="sm" fw={600}>
            What they changed since you started (version {changes.from} to {changes.to})
          </Text>
          <DiffLegend />
          {changes.title.changed && <DiffView diff={changes.title} label="Title" />}
          <DiffView diff={changes.body} label="Text" />
        </Stack>
      )}
      <Group gap="sm">
        <Button onClick={onUseMine} loading={saving} leftSection={<IconGitMerge size={16} aria-hidden />}>
          Use my text on top of theirs
        </Button>
        <Button variant="default" onClick={onTakeTheirs} disabled={saving}>
          Take theirs
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        “Use my text” saves what is on the right as the newest version; theirs stays in the history. “Take theirs” continues from their
        version and keeps your text aside below the editor until you leave.
      </Text>
    </Stack>
  );
}
