import type { EditScope } from '@guildhall/shared';
import { Alert, Button, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '@/components/ui/page-header';
import { PageLoader } from '@/components/ui/page-loader';
import { PageTitle } from '@/components/ui/page-title';
import { ErrorState } from '@/components/ui/problem-alert';
import { hasCode } from '@/lib/api-client';
import { useEvent } from '../api/get-event';
import { useOccurrence } from '../api/get-occurrence';
import { occurrenceHref } from '../api/keys';
import { useUpdateEvent } from '../api/update-event';
import { EventForm } from '../components/event-form';
import { type EventFormValues, toUpdateInput, valuesOf } from '../lib/event-form-values';
import { isScope, SCOPES } from '../lib/scopes';
import { formatDay, formatTime } from '../lib/time';

/**
 * /events/:eventId/edit?scope=this|following|all&key=<occurrence key>: the form for the chosen
 * part of a series. Only changed fields are sent, with the version the editor started from.
 */
export function EditEventRoute() {
  const { eventId = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const key = params.get('key');
  const asked = params.get('scope');
  const series = useEvent(eventId);
  const sessionNeeded = key !== null;
  const session = useOccurrence(eventId, key ?? '', sessionNeeded);
  const update = useUpdateEvent(eventId);

  const recurring = series.data?.rrule != null;
  // A one-off has only "all"; a series without a chosen session too.
  const scope: EditScope = recurring && key && isScope(asked) ? asked : 'all';
  // What the editor started from, taken once: a refetch never resets what they are typing; a reload does, on purpose.
  const [base, setBase] = useState<{ values: EventFormValues; version: number } | null>(null);
  useEffect(() => {
    if (base || !series.data || (sessionNeeded && !session.data)) return;
    setBase({ values: valuesOf(series.data, session.data ?? null, scope), version: series.data.version });
  }, [base, series.data, session.data, sessionNeeded, scope]);
  const initial = base?.values ?? null;

  if (series.isPending || (sessionNeeded && session.isPending)) return <PageLoader />;
  const failed = series.error ?? (sessionNeeded ? session.error : null);
  if (!failed && !initial) return <PageLoader />;
  if (failed || !series.data || !initial) {
    const missing = hasCode(failed, 'event.not_found') || hasCode(failed, 'occurrence.not_found');
    return (
      <>
        <PageTitle title="Edit session" />
        <ErrorState error={failed} title={missing ? 'Session not found' : 'This session could not be loaded'} headingOrder={1} />
      </>
    );
  }
  const s = series.data;
  const back = key ? occurrenceHref(s.id, key) : `/events/${s.id}`;
  if (!s.canManage || s.cancelledAt) {
    return (
      <>
        <PageHeader title={`Edit ${s.title}`} />
        <Alert color="gray" variant="light" title={s.cancelledAt ? 'This event is cancelled' : 'Only facilitators edit sessions'}>
          <Button component={Link} to={back} variant="default" mt="sm">
            Back to the session
          </Button>
        </Alert>
      </>
    );
  }

  const which = SCOPES.find((x) => x.value === scope);
  const when = session.data ? `${formatDay(session.data.startsAt)} ${formatTime(session.data.startsAt)}` : null;

  const submit = (values: EventFormValues) => {
    const patch = toUpdateInput(initial, values, {
      scope,
      occurrenceKey: scope === 'all' ? undefined : (key ?? undefined),
      version: base?.version ?? s.version,
    });
    const changed = Object.keys(patch).some((k) => !['scope', 'version', 'occurrenceKey'].includes(k));
    if (!changed) return navigate(back);
    update.mutate(patch, {
      onSuccess: (saved) => {
        notifications.show({ color: 'indigo', title: 'Saved', message: `${saved.title} is up to date.` });
        if (scope === 'this' && key) navigate(occurrenceHref(saved.id, key));
        else if (scope === 'following') navigate(occurrenceHref(saved.id, saved.start));
        else navigate(`/events/${saved.id}`);
      },
    });
  };

  return (
    <>
      <PageHeader
        title={`Edit ${s.title}`}
        description={
          recurring && which ? (
            <Text span>
              Changing: <strong>{which.label.toLowerCase()}</strong>
              {when && ` (from ${when})`}. {which.description}
            </Text>
          ) : (
            'Changes show on the calendar and in calendar feeds at once.'
          )
        }
      />
      <EventForm
        mode={scope}
        initial={initial}
        submitLabel="Save changes"
        pending={update.isPending}
        error={update.error}
        onSubmit={submit}
        onCancel={() => navigate(back)}
        onReload={async () => {
          update.reset();
          const [fresh, freshSession] = await Promise.all([series.refetch(), sessionNeeded ? session.refetch() : undefined]);
          if (fresh.data) setBase({ values: valuesOf(fresh.data, freshSession?.data ?? null, scope), version: fresh.data.version });
        }}
      />
    </>
  );
}
