import type { EditScope, EventSeries, OccurrenceDetail } from '@guildhall/shared';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBan, IconPencil, IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useCancelSessions, useRestoreSession } from '../api/cancel-sessions';
import { occurrenceHref } from '../api/keys';
import { formatDay, formatTime } from '../lib/time';
import { ScopeDialog } from './scope-dialog';

type Props = { occurrence: OccurrenceDetail; series: EventSeries | undefined };

/** Facilitators: edit or cancel this session, the following ones or all of them; restore one cancelled session. */
export function SessionActions({ occurrence: o, series }: Props) {
  const navigate = useNavigate();
  const [asking, setAsking] = useState<'edit' | 'cancel' | null>(null);
  const cancel = useCancelSessions();
  const restore = useRestoreSession(o.eventId, o.key);
  if (!o.canManage || !series || series.cancelledAt) return null;

  const label = `${formatDay(o.startsAt)} ${formatTime(o.startsAt)}`;
  const edit = (scope: EditScope) =>
    navigate(o.recurring ? `/events/${o.eventId}/edit?scope=${scope}&key=${encodeURIComponent(o.key)}` : `/events/${o.eventId}/edit`);
  const doCancel = (scope: EditScope) =>
    cancel.mutate(
      { scope, eventId: o.eventId, key: o.key, version: series.version },
      {
        onSuccess: (where) => {
          setAsking(null);
          notifications.show({ color: 'indigo', title: 'Cancelled', message: 'Calendars and feeds now show it as cancelled.' });
          if (where.eventId !== o.eventId) navigate(occurrenceHref(where.eventId, where.key));
        },
      },
    );
  const close = () => {
    setAsking(null);
    cancel.reset();
  };

  return (
    <Group gap="sm">
      <Button
        variant="default"
        leftSection={<IconPencil size={16} aria-hidden />}
        onClick={() => (o.recurring ? setAsking('edit') : edit('all'))}
      >
        Edit
      </Button>
      {o.status === 'scheduled' ? (
        <Button variant="default" color="red" leftSection={<IconBan size={16} aria-hidden />} onClick={() => setAsking('cancel')}>
          Cancel session
        </Button>
      ) : (
        <Button
          variant="default"
          leftSection={<IconRestore size={16} aria-hidden />}
          loading={restore.isPending}
          onClick={() => restore.mutate()}
        >
          Restore session
        </Button>
      )}
      {restore.error && <ProblemAlert error={restore.error} title="Not restored" />}
      {o.recurring ? (
        <ScopeDialog
          opened={asking !== null}
          action={asking ?? 'edit'}
          sessionLabel={label}
          onClose={close}
          onChoose={(scope) => (asking === 'edit' ? edit(scope) : doCancel(scope))}
          pending={cancel.isPending}
          error={cancel.error}
        />
      ) : (
        <Modal opened={asking === 'cancel'} onClose={close} title="Cancel this session?">
          <Stack gap="md">
            <Text size="sm">It stays on the calendar, marked cancelled, and people keep their answers in case you restore it.</Text>
            {cancel.error && <ProblemAlert error={cancel.error} title="Nothing was changed" />}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                Keep it
              </Button>
              <Button color="red" loading={cancel.isPending} onClick={() => doCancel('this')}>
                Cancel session
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Group>
  );
}
