import type { Community, NewcomerItem, NewcomerPath } from '@guildhall/shared';
import { ActionIcon, Badge, Button, Checkbox, Divider, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState, ProblemAlert } from '@/components/ui/problem-alert';
import { RichText } from '@/components/ui/rich-text';
import { PersonLine } from '@/features/people';
import { hasCode } from '@/lib/api-client';
import { useEditStartHere } from '../api/edit-start-here';
import { useMarkStep, useRequestBuddy } from '../api/follow-start-here';
import { useStartHere } from '../api/get-start-here';
import { AddStepForm } from './add-step-form';
import { KIND_LABELS, StepLink } from './step-link';

function Step({
  item,
  index,
  path,
  slug,
  editing,
}: {
  item: NewcomerItem;
  index: number;
  path: NewcomerPath;
  slug: string;
  editing: boolean;
}) {
  const mark = useMarkStep(slug);
  const { remove, reorder } = useEditStartHere(slug);
  const ids = path.items.map((i) => i.id);
  const move = (by: -1 | 1) => {
    const next = [...ids];
    const [moved] = next.splice(index, 1);
    if (moved) next.splice(index + by, 0, moved);
    reorder.mutate(next);
  };
  const title = (
    <Group gap={6} wrap="wrap" component="span">
      <span>{item.title}</span>
      <Badge size="xs" variant="light" color="gray" tt="none" component="span">
        {KIND_LABELS[item.kind]}
      </Badge>
    </Group>
  );

  return (
    <Stack component="li" gap={4} py="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }} data-testid="start-here-step">
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        {path.canFollow && !editing ? (
          <Checkbox
            label={title}
            checked={item.done}
            disabled={mark.isPending}
            onChange={(e) => mark.mutate({ itemId: item.id, done: e.currentTarget.checked })}
          />
        ) : (
          <Text size="sm" fw={500} component="div">
            {index + 1}. {title}
          </Text>
        )}
        {editing && (
          <Group gap={2} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Move "${item.title}" up`}
              disabled={index === 0 || reorder.isPending}
              onClick={() => move(-1)}
            >
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Move "${item.title}" down`}
              disabled={index === ids.length - 1 || reorder.isPending}
              onClick={() => move(1)}
            >
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Remove "${item.title}"`}
              loading={remove.isPending && remove.variables === item.id}
              onClick={() => remove.mutate(item.id)}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        )}
      </Group>
      <Stack gap={2} pl={path.canFollow && !editing ? 32 : 0}>
        {item.bodyHtml && <RichText html={item.bodyHtml} />}
        <StepLink item={item} />
      </Stack>
      {(mark.error || remove.error || reorder.error) && <ProblemAlert error={mark.error ?? remove.error ?? reorder.error} />}
    </Stack>
  );
}

function Buddy({ path, slug }: { path: NewcomerPath; slug: string }) {
  const ask = useRequestBuddy(slug);
  if (!path.canFollow) return null;
  if (path.buddy) {
    return (
      <Stack gap={4} data-testid="buddy">
        <Text size="sm" fw={500}>
          Your buddy
        </Text>
        <PersonLine person={path.buddy} size="sm" />
        <Text size="xs" c="dimmed">
          Someone from the core group to ask anything, however small.
        </Text>
      </Stack>
    );
  }
  const none = hasCode(ask.error, 'newcomer.no_buddy_available');
  return (
    <Stack gap={4} data-testid="buddy">
      <Group gap="sm" wrap="wrap">
        <Button
          variant="default"
          size="xs"
          loading={ask.isPending}
          onClick={() =>
            ask.mutate(undefined, {
              onSuccess: ({ buddy }) => notifications.show({ color: 'indigo', message: `${buddy.name} is your buddy. Say hello!` }),
            })
          }
        >
          Ask for a buddy
        </Button>
        <Text size="xs" c="dimmed" style={{ flex: '1 1 12rem' }}>
          Someone from the core group to ask anything, however small.
        </Text>
      </Group>
      {none ? (
        <Text size="sm" c="dimmed">
          Nobody in the core group is free to be a buddy yet. Ask a facilitator.
        </Text>
      ) : (
        ask.error && <ProblemAlert error={ask.error} title="No buddy was assigned" />
      )}
    </Stack>
  );
}

/**
 * "Start here" on the community's front page: the steps facilitators curated for newcomers,
 * checked off as a member walks them, and a buddy from the core group on request.
 */
export function StartHere({ community }: { community: Community }) {
  const path = useStartHere(community.slug);
  const [editing, edit] = useDisclosure(false);

  if (path.isPending) return <ListSkeleton rows={2} height={48} />;
  if (path.isError)
    return <ErrorState error={path.error} title="The start-here path could not be loaded" onRetry={() => void path.refetch()} />;
  const p = path.data;
  if (p.items.length === 0 && !p.canManage) return null;
  const { done, total } = p.progress;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="start-here-heading" data-testid="start-here">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Title order={2} size="h3" id="start-here-heading">
            Start here
          </Title>
          {p.canManage && (
            <Button variant={editing ? 'filled' : 'default'} size="xs" onClick={edit.toggle} aria-expanded={editing}>
              {editing ? 'Done editing' : 'Edit path'}
            </Button>
          )}
        </Group>
        {p.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            No steps yet. Curate a short path for newcomers: a page to read, a past session to watch, a first easy question to answer.
          </Text>
        ) : p.canFollow && !editing ? (
          <Stack gap={4}>
            <Text size="sm" data-testid="start-here-progress">
              {done === total ? 'You have walked the whole path. Welcome in!' : `${done} of ${total} done`}
            </Text>
            <Progress value={total ? (done / total) * 100 : 0} color="teal" aria-label={`${done} of ${total} steps done`} />
          </Stack>
        ) : (
          !p.canManage && (
            <Text size="sm" c="dimmed">
              Join the community to check steps off and ask for a buddy.
            </Text>
          )
        )}
        {p.items.length > 0 && (
          <Stack gap={0} component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {p.items.map((item, index) => (
              <Step key={item.id} item={item} index={index} path={p} slug={community.slug} editing={editing} />
            ))}
          </Stack>
        )}
        {editing && (
          <>
            <Divider label="Add a step" labelPosition="left" />
            <AddStepForm slug={community.slug} />
          </>
        )}
        {/* A buddy comes from the core group: for members, not for those already in it. */}
        {!editing && community.myMembership?.role === 'member' && <Buddy path={p} slug={community.slug} />}
      </Stack>
    </Paper>
  );
}
