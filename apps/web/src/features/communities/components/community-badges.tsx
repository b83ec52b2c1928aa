import { CADENCE_LABELS, CATEGORY_LABELS, type CommunitySummary } from '@guildhall/shared';
import { Badge, Group } from '@mantine/core';
import { IconCalendarRepeat, IconLock, IconUsers } from '@tabler/icons-react';
import { plural } from '@/lib/format';
import { ROLE_LABELS, STAGE_LABELS } from './labels';

type Props = { community: CommunitySummary; withStage?: boolean };

/** Facts about a community at a glance. Light badges only: their dark-on-tint text meets AA contrast. */
export function CommunityBadges({ community, withStage = false }: Props) {
  const mine = community.myMembership;
  return (
    <Group gap={6} wrap="wrap">
      <Badge variant="light" color="indigo">
        {CATEGORY_LABELS[community.category]}
      </Badge>
      <Badge variant="light" color="gray" leftSection={<IconCalendarRepeat size={12} aria-hidden />}>
        {CADENCE_LABELS[community.cadence]}
      </Badge>
      <Badge variant="light" color="gray" leftSection={<IconUsers size={12} aria-hidden />} data-testid="member-count">
        {plural(community.memberCount, 'member')}
      </Badge>
      {withStage && (
        <Badge variant="light" color="grape">
          {STAGE_LABELS[community.stage]}
        </Badge>
      )}
      {community.visibility === 'private' && (
        <Badge variant="light" color="dark" leftSection={<IconLock size={12} aria-hidden />} data-testid="private-badge">
          Private
        </Badge>
      )}
      {mine?.status === 'active' && (
        <Badge variant="filled" color="indigo" data-testid="my-role">
          {mine.role === 'member' ? 'You are a member' : `You: ${ROLE_LABELS[mine.role].toLowerCase()}`}
        </Badge>
      )}
      {mine?.status === 'invited' && (
        <Badge variant="filled" color="violet" data-testid="my-role">
          Invited
        </Badge>
      )}
      {mine?.status === 'requested' && (
        <Badge variant="light" color="violet" data-testid="my-role">
          Request pending
        </Badge>
      )}
    </Group>
  );
}
