import { Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconPlus } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useCommunityOutlet } from '@/features/communities';
import { useCommunityCalendarLiveUpdates } from '../api/live-updates';
import { CadenceLine } from '../components/cadence-line';
import { FormatComparison } from '../components/format-comparison';
import { MonthCalendar } from '../components/month-calendar';
import { OccurrenceListView } from '../components/occurrence-list-view';
import { ReadingList } from '../components/reading-list';
import { SubscribeCalendar } from '../components/subscribe-calendar';
import { TalkBacklog } from '../components/talk-backlog';

const VIEWS = ['month', 'list', 'ideas', 'readings', 'formats'] as const;
type View = (typeof VIEWS)[number];

/**
 * The community's Events tab: its rhythm at a glance (cadence kept), the calendar as a month
 * or a list, the talk backlog and reading list that feed the sessions, and — for facilitators —
 * how each format is received. The view is in the address (?view=list) so it can be shared.
 */
export function CommunityEventsRoute() {
  const { community } = useCommunityOutlet();
  const [params, setParams] = useSearchParams();
  useCommunityCalendarLiveUpdates(community.slug);

  const canManage = community.canManage;
  const member = community.myMembership?.status === 'active';
  const asked = params.get('view') as View | null;
  const view: View = asked && VIEWS.includes(asked) && (asked !== 'formats' || canManage) ? asked : 'month';
  const schedule = canManage && (
    <Button component={Link} to={`/communities/${community.slug}/events/new`} leftSection={<IconPlus size={16} aria-hidden />}>
      Schedule a session
    </Button>
  );

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4}>
          <Title order={2} size="h3">
            Events
          </Title>
          <CadenceLine slug={community.slug} />
        </Stack>
        <Group gap="sm">
          <SubscribeCalendar community={community} />
          {schedule}
        </Group>
      </Group>
      <Tabs
        value={view}
        onChange={(next) => setParams(next === 'month' ? {} : { view: next ?? 'month' }, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List aria-label="Calendar views">
          <Tabs.Tab value="month" leftSection={<IconCalendarEvent size={16} aria-hidden />}>
            Month
          </Tabs.Tab>
          <Tabs.Tab value="list">List</Tabs.Tab>
          <Tabs.Tab value="ideas">Talk ideas</Tabs.Tab>
          <Tabs.Tab value="readings">Reading list</Tabs.Tab>
          {canManage && <Tabs.Tab value="formats">Reflections</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="month" pt="md">
          <MonthCalendar slug={community.slug} />
        </Tabs.Panel>
        <Tabs.Panel value="list" pt="md">
          <OccurrenceListView
            slug={community.slug}
            emptyAction={
              schedule || (
                <Text size="sm" c="dimmed">
                  Facilitators schedule the sessions; suggest a talk idea to get one going.
                </Text>
              )
            }
          />
        </Tabs.Panel>
        <Tabs.Panel value="ideas" pt="md">
          <TalkBacklog slug={community.slug} canContribute={member} canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="readings" pt="md">
          <ReadingList slug={community.slug} canContribute={member} />
        </Tabs.Panel>
        {canManage && (
          <Tabs.Panel value="formats" pt="md">
            <FormatComparison slug={community.slug} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
