import { ChangeStageInput, COMMUNITY_STAGES, type CommunityStage, STAGE_LABELS, type Stage } from '@guildhall/shared';
import { Button, Group, Modal, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { serverFieldErrors, validate } from '@/lib/form';
import { useFormState } from '@/lib/use-form-state';
import { useChangeStage } from '../api/change-stage';
import { useCommunities } from '../api/get-communities';

/** Wenger's stages, in the words a facilitator would use. */
export const STAGE_HINTS: Record<Stage, string> = {
  potential: 'A proposal gathering interest.',
  coalescing: 'Getting started: finding its rhythm, its focus and its core group.',
  maturing: 'Growing: regular sessions, a clear focus, knowledge building up.',
  stewardship: 'Established: keeps its knowledge current, welcomes newcomers, stays relevant.',
  archived: 'Closed: read-only but still readable and searchable; may point to where the work carries on.',
};

const ORDER: Record<Stage, number> = { potential: 0, coalescing: 1, maturing: 2, stewardship: 3, archived: 4 };

/** A closing community may name its successor; only open communities can be one. */
function SuccessorPicker({
  value,
  onChange,
  excludeSlug,
  error,
}: {
  value: string | null;
  onChange: (v: string | null) => void;
  excludeSlug: string;
  error?: string;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const communities = useCommunities({ q: q || undefined });
  const options = (communities.data?.pages.flatMap((p) => p.items) ?? [])
    .filter((c) => c.slug !== excludeSlug && c.stage !== 'archived')
    .map((c) => ({ value: c.slug, label: c.name }));
  return (
    <Select
      label="Successor community (optional)"
      description="Where this community's work carries on, e.g. after a merge. Its members will find the way there."
      placeholder="Search communities"
      searchable
      clearable
      clearButtonProps={{ 'aria-label': 'Clear' }}
      searchValue={search}
      onSearchChange={setSearch}
      data={options}
      value={value}
      onChange={onChange}
      nothingFoundMessage="No open community by that name"
      error={error}
    />
  );
}

type Props = { slug: string; current: Stage; opened: boolean; onClose: () => void };

/** Move the stage: forward freely, backward with a note; closing may name a successor. */
export function StageDialog({ slug, current, opened, onClose }: Props) {
  const change = useChangeStage(slug);
  const choices = COMMUNITY_STAGES.filter((s) => s !== current);
  const form = useFormState({ stage: (choices[0] ?? 'maturing') as CommunityStage, note: '', successorSlug: null as string | null });
  const backwards = ORDER[form.values.stage] < ORDER[current];
  const closing = form.values.stage === 'archived';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (backwards && !form.values.note.trim()) return form.setErrors({ note: 'Say why the community moves back' });
    const { data, errors } = validate(ChangeStageInput, {
      stage: form.values.stage,
      note: form.values.note.trim() || undefined,
      successorSlug: closing ? (form.values.successorSlug ?? undefined) : undefined,
    });
    if (errors) return form.setErrors(errors);
    change.mutate(data, {
      onSuccess: (lifecycle) => {
        notifications.show({ color: 'indigo', message: `The community is now ${STAGE_LABELS[lifecycle.stage].toLowerCase()}.` });
        onClose();
      },
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Move the community's stage" size="lg" centered>
      <form onSubmit={submit} noValidate aria-label="Move stage">
        <Stack gap="md">
          <Text size="sm">
            Now: <strong>{STAGE_LABELS[current]}</strong>. {STAGE_HINTS[current]}
          </Text>
          {change.error && (
            <ProblemAlert error={change.error} title="The stage was not changed" shownFields={['stage', 'note', 'successorSlug']} />
          )}
          <Radio.Group<CommunityStage>
            label="New stage"
            required
            value={form.values.stage}
            onChange={(value) => form.set('stage', value)}
            error={form.errors.stage}
          >
            <Stack gap="sm" mt="xs">
              {choices.map((s) => (
                <Radio key={s} value={s} label={STAGE_LABELS[s]} description={STAGE_HINTS[s]} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={backwards ? 'Why it moves back' : 'Note (optional)'}
            description={
              backwards
                ? 'Moving back to an earlier stage needs a reason, so members understand what changed.'
                : 'What changed, for the community’s history.'
            }
            required={backwards}
            autosize
            minRows={2}
            maxRows={6}
            maxLength={2000}
            value={form.values.note}
            onChange={(e) => form.set('note', e.currentTarget.value)}
            error={form.errors.note}
          />
          {closing && (
            <>
              <Text size="sm" c="dimmed">
                Closing makes the community read-only: no new threads, sessions, members or charter edits. Everything stays readable and
                searchable, and you can reopen it later with a note.
              </Text>
              <SuccessorPicker
                value={form.values.successorSlug}
                onChange={(v) => form.set('successorSlug', v)}
                excludeSlug={slug}
                error={form.errors.successorSlug}
              />
            </>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color={closing ? 'red' : undefined} loading={change.isPending}>
              {closing ? 'Close the community' : `Move to ${STAGE_LABELS[form.values.stage].toLowerCase()}`}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
