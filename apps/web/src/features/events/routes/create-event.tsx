import { Alert, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useCommunityOutlet } from '@/features/communities';
import { useCreateEvent } from '../api/create-event';
import { occurrenceHref } from '../api/keys';
import { EventForm } from '../components/event-form';
import { blankValues, type EventFormValues, toCreateInput } from '../lib/event-form-values';

/** Facilitators schedule a session or a series: /communities/:slug/events/new. */
export function CreateEventRoute() {
  const { community } = useCommunityOutlet();
  const navigate = useNavigate();
  const create = useCreateEvent(community.slug);
  const [initial] = useState(blankValues);
  const back = `/communities/${community.slug}/events`;

  if (!community.canManage) {
    return (
      <Alert color="gray" variant="light" title="Only facilitators schedule sessions">
        Suggest a talk idea on the Events tab instead, or ask a facilitator.
      </Alert>
    );
  }

  const submit = (values: EventFormValues) =>
    create.mutate(toCreateInput(values), {
      onSuccess: (event) => {
        notifications.show({ color: 'indigo', title: 'Scheduled', message: `${event.title} is on the calendar.` });
        navigate(occurrenceHref(event.id, event.start));
      },
    });

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={2} size="h3">
          Schedule a session
        </Title>
        <Text c="dimmed" size="sm">
          Members see it on the community’s calendar and in their calendar feeds, and can RSVP right away.
        </Text>
      </Stack>
      <EventForm
        mode="create"
        initial={initial}
        submitLabel="Schedule session"
        pending={create.isPending}
        error={create.error}
        onSubmit={submit}
        onCancel={() => navigate(back)}
      />
    </Stack>
  );
}
