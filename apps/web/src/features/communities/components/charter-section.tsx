import type { Community } from '@guildhall/shared';
import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconHistory, IconPencil } from '@tabler/icons-react';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState } from '@/components/ui/problem-alert';
import { RichText } from '@/components/ui/rich-text';
import { formatDate } from '@/lib/format';
import { useCharter } from '../api/get-charter';
import { CharterForm } from './charter-form';
import { CharterHistory } from './charter-history';

function Part({ heading, html, empty, testId }: { heading: string; html: string; empty: string; testId: string }) {
  return (
    <Stack gap={4} data-testid={testId}>
      <Title order={3} size="h5">
        {heading}
      </Title>
      {html ? (
        <RichText html={html} />
      ) : (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
    </Stack>
  );
}

/** The charter on the front page: purpose, scope in and out, this quarter's goals, working norms. */
export function CharterSection({ community }: { community: Community }) {
  const charter = useCharter(community.slug);
  const [editing, edit] = useDisclosure(false);
  const [historyOpened, history] = useDisclosure(false);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="charter-heading" data-testid="charter">
      <Stack gap="md">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Title order={2} size="h3" id="charter-heading">
            Charter
          </Title>
          {charter.data && !editing && (
            <Group gap="xs">
              <Button variant="subtle" size="xs" leftSection={<IconHistory size={14} aria-hidden />} onClick={history.open}>
                History
              </Button>
              {charter.data.canEdit && (
                <Button variant="default" size="xs" leftSection={<IconPencil size={14} aria-hidden />} onClick={edit.open}>
                  Edit charter
                </Button>
              )}
            </Group>
          )}
        </Group>
        {charter.isPending ? (
          <ListSkeleton rows={3} height={48} />
        ) : charter.isError ? (
          <ErrorState
            error={charter.error}
            title="The charter could not be loaded"
            headingOrder={3}
            onRetry={() => void charter.refetch()}
          />
        ) : editing ? (
          <CharterForm
            slug={community.slug}
            charter={charter.data}
            onDone={edit.close}
            onReload={async () => (await charter.refetch()).data}
          />
        ) : (
          <>
            <Part heading="Purpose" html={charter.data.purposeHtml} empty="Not written yet." testId="charter-purpose" />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <Part heading="In scope" html={charter.data.scopeInHtml} empty="Not written yet." testId="charter-scope-in" />
              <Part heading="Out of scope" html={charter.data.scopeOutHtml} empty="Not written yet." testId="charter-scope-out" />
            </SimpleGrid>
            <Part
              heading={charter.data.quarter ? `Goals for ${charter.data.quarter}` : 'Goals this quarter'}
              html={charter.data.goalsHtml}
              empty={
                charter.data.canEdit ? 'No goals yet: two or three outcomes for this quarter keep the community focused.' : 'No goals yet.'
              }
              testId="charter-goals"
            />
            <Part heading="Working norms" html={charter.data.normsHtml} empty="No norms written." testId="charter-norms" />
            {charter.data.updatedAt && (
              <Text size="xs" c="dimmed">
                Version {charter.data.version}
                {charter.data.updatedBy && `, by ${charter.data.updatedBy.name}`}, {formatDate(charter.data.updatedAt)}
              </Text>
            )}
          </>
        )}
      </Stack>
      <CharterHistory slug={community.slug} opened={historyOpened} onClose={history.close} />
    </Paper>
  );
}
