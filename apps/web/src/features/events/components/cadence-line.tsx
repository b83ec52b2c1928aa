import { Group, Skeleton, Text } from '@mantine/core';
import { IconCalendarRepeat } from '@tabler/icons-react';
import { useCadence } from '../api/get-cadence';

/** "Every two weeks — 5 of the last 6 held": the promised rhythm against sessions actually held. */
export function CadenceLine({ slug }: { slug: string }) {
  const cadence = useCadence(slug);
  if (cadence.isPending) return <Skeleton height={20} width={260} radius="sm" />;
  // A summary beside the calendar or the overview, not worth an error box when it is missing.
  if (cadence.isError) return null;
  const { held, expected } = cadence.data;
  const kept = expected === null || held >= expected;
  return (
    <Group gap={6} wrap="nowrap" data-testid="cadence-line">
      <IconCalendarRepeat size={18} aria-hidden color={`var(--mantine-color-${kept ? 'teal' : 'orange'}-8)`} />
      <Text size="sm" fw={500}>
        {cadence.data.label}
      </Text>
    </Group>
  );
}
