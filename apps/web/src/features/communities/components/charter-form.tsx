import { type Charter, UpdateCharterInput } from '@guildhall/shared';
import { Alert, Button, Group, Spoiler, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { hasCode } from '@/lib/api-client';
import { serverFieldErrors, validate } from '@/lib/form';
import { useFormState } from '@/lib/use-form-state';
import { useUpdateCharter } from '../api/update-charter';

const FIELDS = ['purpose', 'scopeIn', 'scopeOut', 'quarter', 'goals', 'norms'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

const valuesOf = (c: Charter): Values => ({
  purpose: c.purpose,
  scopeIn: c.scopeIn,
  scopeOut: c.scopeOut,
  quarter: c.quarter ?? '',
  goals: c.goals,
  norms: c.norms,
});

const LABELS: Record<Field, string> = {
  purpose: 'Purpose',
  scopeIn: 'In scope',
  scopeOut: 'Out of scope',
  quarter: 'Quarter',
  goals: 'Goals this quarter',
  norms: 'Working norms',
};

/** Only what the editor changed is sent, so a save never overwrites fields they did not touch. */
function changes(from: Values, to: Values): Partial<Values> {
  const patch: Partial<Values> = {};
  for (const key of FIELDS) if (to[key].trim() !== from[key].trim()) patch[key] = to[key];
  return patch;
}

type Props = { slug: string; charter: Charter; onDone: () => void; onReload: () => Promise<Charter | undefined> };

/**
 * Editing the charter. When someone else saved meanwhile (409), the editor keeps their text,
 * sees what the other person saved, and chooses: save theirs over it, or start from the latest.
 */
export function CharterForm({ slug, charter, onDone, onReload }: Props) {
  const update = useUpdateCharter(slug);
  const [base, setBase] = useState(charter);
  const [latest, setLatest] = useState<Charter | null>(null);
  const form = useFormState(valuesOf(charter));
  const conflict = hasCode(update.error, 'charter.version_conflict');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const patch = changes(valuesOf(base), form.values);
    if (Object.keys(patch).length === 0 && !latest) return onDone();
    const quarter = patch.quarter === undefined ? undefined : patch.quarter.trim() || null;
    // After a conflict, everything the editor sees is what they mean to save.
    const body = latest ? { ...form.values, quarter: form.values.quarter.trim() || null } : { ...patch, quarter };
    const { data, errors } = validate(UpdateCharterInput, { version: base.version, ...body });
    if (errors) return form.setErrors(errors);
    update.mutate(data, {
      onSuccess: () => {
        notifications.show({ color: 'indigo', title: 'Charter saved', message: 'Everyone who can see the community sees it now.' });
        onDone();
      },
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    });
  };

  const reviewLatest = async () => {
    const fresh = await onReload();
    if (!fresh) return;
    setBase(fresh);
    setLatest(fresh);
    update.reset();
  };

  const startFromLatest = () => {
    if (!latest) return;
    form.reset(valuesOf(latest));
    setLatest(null);
  };

  const area = (field: Field, description: string, minRows = 2) => (
    <Textarea
      label={LABELS[field]}
      description={description}
      autosize
      minRows={minRows}
      maxRows={14}
      maxLength={field === 'norms' ? 8000 : 4000}
      value={form.values[field]}
      onChange={(e) => form.set(field, e.currentTarget.value)}
      error={form.errors[field]}
    />
  );

  return (
    <form onSubmit={submit} noValidate aria-label="Edit charter" data-testid="charter-form">
      <Stack gap="md">
        {conflict && (
          <Alert color="red" variant="light" title="Someone else changed the charter" data-testid="charter-conflict">
            <Stack gap="sm" align="flex-start">
              <span>
                It was saved by someone else after you started editing, so your changes were not applied. Your text is still below. Look at
                the latest version, then save yours over it or start again from it.
              </span>
              <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => void reviewLatest()}>
                Show the latest version
              </Button>
            </Stack>
          </Alert>
        )}
        {latest && (
          <Alert color="gray" variant="light" title={`The latest version (${latest.version})`} data-testid="charter-latest">
            <Stack gap="xs">
              <Spoiler maxHeight={120} showLabel="Show all of it" hideLabel="Show less">
                {FIELDS.map((field) => (
                  <Text key={field} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    <strong>{LABELS[field]}:</strong> {valuesOf(latest)[field] || '—'}
                  </Text>
                ))}
              </Spoiler>
              <Text size="sm">Saving now replaces it with what you see in the form.</Text>
              <Group gap="sm">
                <Button size="xs" variant="default" onClick={startFromLatest}>
                  Discard mine, edit the latest
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {update.error && !conflict && <ProblemAlert error={update.error} title="The charter was not saved" shownFields={FIELDS} />}
        <Title order={3} size="h5">
          Purpose and scope
        </Title>
        {area('purpose', 'The domain: what the community is about and why it matters.', 3)}
        {area('scopeIn', 'What belongs here. Markdown lists work well.')}
        {area('scopeOut', 'What does not, and where it goes instead.')}
        <Title order={3} size="h5">
          This quarter
        </Title>
        <TextInput
          label={LABELS.quarter}
          description="Written as 2026-Q3."
          placeholder="2026-Q3"
          maxLength={7}
          value={form.values.quarter}
          onChange={(e) => form.set('quarter', e.currentTarget.value)}
          error={form.errors.quarter}
          w={200}
        />
        {area('goals', 'Two or three outcomes the community works toward this quarter.')}
        <Title order={3} size="h5">
          How we work together
        </Title>
        {area('norms', 'The safe space: how questions, mistakes and disagreement are handled here.', 5)}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save charter
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
