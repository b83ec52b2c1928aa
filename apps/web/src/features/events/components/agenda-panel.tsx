import type { AgendaSlot, OccurrenceDetail } from '@guildhall/shared';
import { ActionIcon, Anchor, Button, Group, List, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { serverFieldErrors } from '@/lib/form';
import { useChallenges, useChangeAgenda } from '../api/agenda';
import { useActiveMembers } from '../api/community-people';
import { useChangeTalkIdea, useTalkIdeas } from '../api/talk-ideas';
import { Section } from './section';
import { TintBadge } from './tint-badge';

type SlotDraft = { title: string; presenterId: string | null; duration: number | string; threadId: string | null };

function SlotForm({ occurrence: o, slot, onDone }: { occurrence: OccurrenceDetail; slot: AgendaSlot | null; onDone: () => void }) {
  const change = useChangeAgenda(o.eventId, o.key);
  const members = useActiveMembers(o.community.slug, true);
  const challenges = useChallenges(o.eventId, o.key, o.format === 'problem-solving');
  const [draft, setDraft] = useState<SlotDraft>({
    title: slot?.title ?? '',
    presenterId: slot?.presenter?.id ?? null,
    duration: slot?.durationMinutes ?? (o.format === 'demo-day' ? 10 : ''),
    threadId: slot?.thread?.id ?? null,
  });
  const errors = serverFieldErrors(change.error);
  const set = (patch: Partial<SlotDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = {
      title: draft.title,
      presenterId: draft.presenterId,
      durationMinutes: typeof draft.duration === 'number' ? draft.duration : null,
      ...(o.format === 'problem-solving' && { threadId: draft.threadId }),
    };
    change.mutate(slot ? { kind: 'update', slotId: slot.id, input } : { kind: 'add', input }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} aria-label={slot ? 'Edit agenda slot' : 'Add an agenda slot'} noValidate>
      <Stack gap="sm">
        <TextInput
          label="Title"
          required
          maxLength={200}
          value={draft.title}
          onChange={(e) => set({ title: e.currentTarget.value })}
          error={errors.title}
        />
        <Select
          label="Presenter"
          placeholder={members.isPending ? 'Loading members…' : 'Nobody in particular'}
          searchable
          clearable
          data={(members.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={draft.presenterId}
          onChange={(v) => set({ presenterId: v })}
          nothingFoundMessage="No member by that name"
          error={errors.presenterId}
          comboboxProps={{ withinPortal: true }}
        />
        <NumberInput
          label="Minutes"
          description={o.format === 'demo-day' ? 'Demo days run on short slots: 5–10 minutes each.' : undefined}
          min={1}
          max={1440}
          value={draft.duration}
          onChange={(v) => set({ duration: v })}
          error={errors.durationMinutes}
          w={200}
        />
        {o.format === 'problem-solving' && (
          <Select
            label="Challenge thread"
            description="An open challenge of the community to work on."
            clearable
            searchable
            data={(challenges.data ?? []).map((t) => ({ value: t.id, label: t.title }))}
            value={draft.threadId}
            onChange={(v) => set({ threadId: v })}
            nothingFoundMessage="No open challenges"
            error={errors.threadId}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        {change.error && <ProblemAlert error={change.error} shownFields={['title', 'presenterId', 'durationMinutes', 'threadId']} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={change.isPending}>
            {slot ? 'Save slot' : 'Add slot'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Facilitators: a volunteered talk or demo from the backlog, into this session; its presenter is told. */
function FromBacklog({ occurrence: o }: { occurrence: OccurrenceDetail }) {
  const ideas = useTalkIdeas(o.community.slug);
  const schedule = useChangeTalkIdea(o.community.slug);
  const [ideaId, setIdeaId] = useState<string | null>(null);
  const open = (ideas.data ?? []).filter((i) => !i.scheduled);
  if (ideas.isPending || open.length === 0) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!ideaId) return;
    const idea = open.find((i) => i.id === ideaId);
    schedule.mutate(
      {
        kind: 'schedule',
        ideaId,
        input: { eventId: o.eventId, occurrenceKey: o.key, durationMinutes: idea?.kind === 'demo' || o.format === 'demo-day' ? 10 : null },
      },
      { onSuccess: () => setIdeaId(null) },
    );
  };
  return (
    <form onSubmit={submit} aria-label="Schedule a talk idea">
      <Group gap="xs" align="flex-end" wrap="wrap">
        <Select
          label="From the talk backlog"
          placeholder="Pick a volunteered talk or demo"
          data={open.map((i) => ({ value: i.id, label: `${i.title} — ${i.presenter?.name ?? 'someone'} (${i.votes} votes)` }))}
          value={ideaId}
          onChange={setIdeaId}
          searchable
          style={{ flex: '1 1 16rem' }}
          comboboxProps={{ withinPortal: true }}
        />
        <Button type="submit" variant="default" disabled={!ideaId} loading={schedule.isPending}>
          Add to agenda
        </Button>
      </Group>
      {schedule.error && <ProblemAlert error={schedule.error} title="It was not scheduled" />}
    </form>
  );
}

type SlotLineProps = { occurrence: OccurrenceDetail; slot: AgendaSlot; above?: AgendaSlot; below?: AgendaSlot; onEdit: () => void };

function SlotLine({ occurrence: o, slot, above, below, onEdit }: SlotLineProps) {
  const change = useChangeAgenda(o.eventId, o.key);
  // Swaps places with the neighbour, so positions stay distinct.
  const swapWith = async (other: AgendaSlot) => {
    await change.mutateAsync({ kind: 'update', slotId: slot.id, input: { position: other.position } });
    await change.mutateAsync({ kind: 'update', slotId: other.id, input: { position: slot.position } });
  };
  return (
    <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm" data-testid="agenda-slot">
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Text fw={600} size="sm">
          {slot.title}
          {slot.durationMinutes && (
            <Text span c="dimmed" size="sm" fw={400}>
              {' '}
              · {slot.durationMinutes} min
            </Text>
          )}
        </Text>
        <Group gap={6} wrap="wrap">
          {slot.presenter && (
            <Text size="sm">
              Presented by{' '}
              <Anchor component={Link} to={`/people/${slot.presenter.id}`}>
                {slot.presenter.name}
              </Anchor>
            </Text>
          )}
          {slot.talkIdeaId && (
            <TintBadge size="xs" color="indigo">
              From the backlog
            </TintBadge>
          )}
        </Group>
        {slot.thread && (
          <Anchor component={Link} to={`/threads/${slot.thread.id}`} size="sm">
            Challenge: {slot.thread.title}
          </Anchor>
        )}
        {change.error && <ProblemAlert error={change.error} />}
      </Stack>
      {o.canManage && (
        <Group gap={4} wrap="nowrap">
          <ActionIcon
            variant="subtle"
            aria-label={`Move ${slot.title} up`}
            disabled={!above}
            onClick={() => above && void swapWith(above).catch(() => undefined)}
          >
            <IconArrowUp size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            aria-label={`Move ${slot.title} down`}
            disabled={!below}
            onClick={() => below && void swapWith(below).catch(() => undefined)}
          >
            <IconArrowDown size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon variant="subtle" aria-label={`Edit ${slot.title}`} onClick={onEdit}>
            <IconPencil size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`Remove ${slot.title}`}
            onClick={() => change.mutate({ kind: 'remove', slotId: slot.id })}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      )}
    </Group>
  );
}

/** The session's agenda: slots with presenters; facilitators add, edit, reorder and take ideas from the backlog. */
export function AgendaPanel({ occurrence: o }: { occurrence: OccurrenceDetail }) {
  const [editing, setEditing] = useState<AgendaSlot | 'new' | null>(null);
  const slots = [...o.agenda].sort((a, b) => a.position - b.position);
  return (
    <Section
      title="Agenda"
      testId="agenda"
      actions={
        o.canManage && (
          <Button size="xs" variant="default" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setEditing('new')}>
            Add a slot
          </Button>
        )
      }
    >
      {slots.length === 0 ? (
        <Text size="sm" c="dimmed">
          {o.format === 'demo-day' ? 'No demos lined up yet. Demo days take several short slots.' : 'No agenda yet.'}
        </Text>
      ) : (
        <List type="ordered" spacing="sm">
          {slots.map((slot, i) => (
            <List.Item key={slot.id}>
              <SlotLine occurrence={o} slot={slot} above={slots[i - 1]} below={slots[i + 1]} onEdit={() => setEditing(slot)} />
            </List.Item>
          ))}
        </List>
      )}
      {o.canManage && <FromBacklog occurrence={o} />}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Add an agenda slot' : 'Edit agenda slot'}
      >
        {editing !== null && <SlotForm occurrence={o} slot={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Section>
  );
}
