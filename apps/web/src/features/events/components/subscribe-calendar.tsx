import type { CalendarFeed, CreatedCalendarFeed } from '@guildhall/shared';
import { Alert, Button, CopyButton, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendarPlus, IconCheck, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { ListSkeleton } from '@/components/ui/page-loader';
import { ErrorState, ProblemAlert } from '@/components/ui/problem-alert';
import { formatDate, formatRelative } from '@/lib/format';
import { useCalendarFeeds, useCreateCalendarFeed, useRevokeCalendarFeed } from '../api/calendar-feeds';

type Community = { slug: string; name: string };

const feedName = (feed: Pick<CalendarFeed, 'scope' | 'community'>) =>
  feed.scope === 'person' ? 'My sessions (every community)' : (feed.community?.name ?? 'A community');

function NewFeedUrl({ feed }: { feed: CreatedCalendarFeed }) {
  return (
    <Alert color="indigo" variant="light" title="Your feed address" data-testid="new-feed">
      <Stack gap="xs">
        <Text size="sm">
          Paste it into your calendar app as a subscription (“From URL” / “Subscribe to calendar”). It is shown only now: it works like a
          password, so keep it to yourself. Anyone with it sees what you see.
        </Text>
        <Group gap="xs" wrap="nowrap" align="flex-end">
          <TextInput label="Feed URL" value={feed.url} readOnly style={{ flex: 1 }} onFocus={(e) => e.currentTarget.select()} />
          <CopyButton value={feed.url}>
            {({ copied, copy }) => (
              <Button
                variant={copied ? 'filled' : 'default'}
                leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                onClick={copy}
              >
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}

function FeedList({ feeds }: { feeds: CalendarFeed[] }) {
  const revoke = useRevokeCalendarFeed();
  if (feeds.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="feeds-heading">
      <Title order={3} size="h5" id="feeds-heading">
        Your feed addresses
      </Title>
      <Text size="sm" c="dimmed">
        Revoke an address you shared by mistake or no longer use: calendars subscribed to it stop updating.
      </Text>
      {revoke.error && <ProblemAlert error={revoke.error} title="The address could not be revoked" />}
      {feeds.map((feed) => (
        <Group key={feed.id} justify="space-between" wrap="nowrap" gap="sm" data-testid="feed-row">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="sm" fw={500}>
              {feedName(feed)}
            </Text>
            <Text size="xs" c="dimmed">
              Created {formatDate(feed.createdAt)} · {feed.lastUsedAt ? `last read ${formatRelative(feed.lastUsedAt)}` : 'not read yet'}
            </Text>
          </Stack>
          <Button
            variant="default"
            color="red"
            size="xs"
            loading={revoke.isPending && revoke.variables === feed.id}
            onClick={() => revoke.mutate(feed.id)}
            aria-label={`Revoke ${feedName(feed)}`}
          >
            Revoke
          </Button>
        </Group>
      ))}
    </Stack>
  );
}

/**
 * Subscribing from a calendar app: a secret address per person (everything I said I'm going to,
 * plus my communities' sessions) or per community, shown once and revocable.
 */
export function SubscribeCalendar({ community }: { community: Community }) {
  const [opened, dialog] = useDisclosure(false);
  const feeds = useCalendarFeeds(opened);
  const create = useCreateCalendarFeed();
  const [created, setCreated] = useState<CreatedCalendarFeed | null>(null);

  const close = () => {
    dialog.close();
    setCreated(null);
    create.reset();
  };
  const make = (scope: 'person' | 'community') =>
    create.mutate(scope === 'person' ? { scope } : { scope, community: community.slug }, { onSuccess: setCreated });

  return (
    <>
      <Button variant="default" leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={dialog.open}>
        Subscribe
      </Button>
      <Modal opened={opened} onClose={close} title="Subscribe in your calendar app" size="lg">
        <Stack gap="md">
          <Text size="sm">
            Your calendar app keeps itself up to date from a private address: new sessions appear, moved ones move, cancelled ones
            disappear.
          </Text>
          <Group gap="sm" wrap="wrap">
            <Button onClick={() => make('community')} loading={create.isPending && create.variables?.scope === 'community'}>
              Address for {community.name}
            </Button>
            <Button variant="default" onClick={() => make('person')} loading={create.isPending && create.variables?.scope === 'person'}>
              Address for all my sessions
            </Button>
          </Group>
          {create.error && <ProblemAlert error={create.error} title="No address was created" />}
          {created && <NewFeedUrl feed={created} />}
          {feeds.isPending ? (
            <ListSkeleton rows={2} height={40} />
          ) : feeds.isError ? (
            <ErrorState error={feeds.error} title="Your feed addresses could not be loaded" onRetry={() => void feeds.refetch()} />
          ) : (
            <FeedList feeds={feeds.data} />
          )}
        </Stack>
      </Modal>
    </>
  );
}
