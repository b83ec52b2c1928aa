import type { OccurrenceDetail, Reflection } from '@guildhall/shared';
import { Button, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { formatRelative } from '@/lib/format';
import { useSaveReflection } from '../api/reflections';

export const RATING_LABELS = ['Not useful', 'A little useful', 'Useful', 'Very useful', 'Extremely useful'];

/** What I learned, what I will try, what is still unclear, and how useful it was (1–5). Seen by me and the facilitators only. */
export function ReflectionForm({ occurrence: o, mine }: { occurrence: OccurrenceDetail; mine: Reflection | null }) {
  const save = useSaveReflection(o.eventId, o.key, o.community.slug);
  const [learned, setLearned] = useState(mine?.learned ?? '');
  const [willTry, setWillTry] = useState(mine?.willTry ?? '');
  const [unclear, setUnclear] = useState(mine?.unclear ?? '');
  const [rating, setRating] = useState<string>(mine ? String(mine.rating) : '');
  const [ratingError, setRatingError] = useState<string | undefined>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!rating) return setRatingError('How useful was it? Pick 1 to 5.');
    save.mutate({ learned, willTry, unclear, rating: Number(rating) });
  };
  const saved = save.data ?? mine;
  return (
    <form onSubmit={submit} aria-labelledby="reflection-heading" noValidate data-testid="reflection-form">
      <Stack gap="sm">
        <Title order={3} size="h5" id="reflection-heading">
          Your reflection
        </Title>
        <Text size="sm" c="dimmed">
          A few lines help you remember, and help the facilitators plan. Only you and the facilitators see it.
        </Text>
        <Textarea
          label="What I learned"
          autosize
          minRows={2}
          maxLength={4000}
          value={learned}
          onChange={(e) => setLearned(e.currentTarget.value)}
        />
        <Textarea
          label="What I will try"
          autosize
          minRows={2}
          maxLength={4000}
          value={willTry}
          onChange={(e) => setWillTry(e.currentTarget.value)}
        />
        <Textarea
          label="What is still unclear"
          autosize
          minRows={2}
          maxLength={4000}
          value={unclear}
          onChange={(e) => setUnclear(e.currentTarget.value)}
        />
        <Radio.Group
          label="How useful was it?"
          required
          value={rating}
          onChange={(v) => {
            setRating(v);
            setRatingError(undefined);
          }}
          error={ratingError}
        >
          <Group gap="md" mt={4} wrap="wrap">
            {RATING_LABELS.map((label, i) => (
              <Radio key={label} value={String(i + 1)} label={`${i + 1} — ${label}`} />
            ))}
          </Group>
        </Radio.Group>
        {save.error && <ProblemAlert error={save.error} title="Your reflection was not saved" />}
        <Group justify="space-between" wrap="wrap">
          <Text size="xs" c="dimmed" role="status" data-testid="reflection-status">
            {saved ? `Saved ${formatRelative(saved.updatedAt)}` : ''}
          </Text>
          <Button type="submit" loading={save.isPending}>
            {saved ? 'Update reflection' : 'Save reflection'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
