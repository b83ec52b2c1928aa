import { Group, NativeSelect, NumberInput, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useId } from 'react';
import {
  dateFacts,
  describeRecurrence,
  ordinalLabel,
  positionsFor,
  type Recurrence,
  type Repeat,
  type RepeatEnd,
  type WeekdayPosition,
} from '../lib/recurrence-rule';
import { DateField } from './date-field';

type Props = {
  value: Recurrence;
  onChange: (value: Recurrence) => void;
  /** The series' first day ('YYYY-MM-DD'): weekday and day of month come from it. */
  startDate: string | null;
  error?: string;
};

/**
 * Repeat: none, every N weeks, monthly by date or by weekday position ("first Tuesday"),
 * ending on a date, after a number of sessions, or never; with the result in words.
 */
export function RecurrenceBuilder({ value, onChange, startDate, error }: Props) {
  const summaryId = useId();
  const set = (patch: Partial<Recurrence>) => onChange({ ...value, ...patch });
  const start = startDate ?? new Date().toISOString().slice(0, 10);
  const facts = dateFacts(start);
  const positions = positionsFor(start);
  const position = positions.includes(value.position) ? value.position : (positions[0] ?? 1);
  const unit = value.repeat === 'weekly' ? 'week' : 'month';

  const options: { value: Repeat; label: string }[] = [
    { value: 'none', label: 'Does not repeat' },
    { value: 'weekly', label: `Weekly on ${facts.weekdayName}` },
    { value: 'monthly-date', label: `Monthly on day ${facts.day}` },
    { value: 'monthly-weekday', label: `Monthly on the ${ordinalLabel(position)} ${facts.weekdayName}` },
    ...(value.repeat === 'custom' ? [{ value: 'custom' as const, label: 'Custom rule' }] : []),
  ];

  return (
    <Stack gap="sm" data-testid="recurrence-builder">
      <NativeSelect
        label="Repeats"
        data={options}
        value={value.repeat}
        onChange={(e) => set({ repeat: e.currentTarget.value as Repeat })}
        aria-describedby={summaryId}
        error={value.repeat === 'custom' ? undefined : error}
      />
      {value.repeat === 'custom' && (
        <TextInput
          label="Rule (RFC 5545 RRULE)"
          description="This series was scheduled with a rule the builder cannot show. Edit it here, or pick another option above."
          value={value.custom}
          onChange={(e) => set({ custom: e.currentTarget.value })}
          error={error}
        />
      )}
      {(value.repeat === 'weekly' || value.repeat === 'monthly-date' || value.repeat === 'monthly-weekday') && (
        <>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <NumberInput
              label={`Every how many ${unit}s`}
              description={value.repeat === 'weekly' ? '2 for bi-weekly' : undefined}
              min={1}
              max={52}
              value={value.interval}
              onChange={(v) => set({ interval: typeof v === 'number' && v >= 1 ? Math.floor(v) : 1 })}
              w={200}
            />
            {value.repeat === 'monthly-weekday' && positions.length > 1 && (
              <NativeSelect
                label="Which one"
                data={positions.map((p) => ({ value: String(p), label: `The ${ordinalLabel(p)} ${facts.weekdayName}` }))}
                value={String(position)}
                onChange={(e) => set({ position: Number(e.currentTarget.value) as WeekdayPosition })}
                w={220}
              />
            )}
          </Group>
          <Radio.Group label="Ends" value={value.ends} onChange={(v) => set({ ends: v as RepeatEnd })}>
            <Stack gap="xs" mt={4}>
              <Radio value="never" label="Never (calendars show two years ahead)" />
              <Radio value="until" label="On a date" />
              {value.ends === 'until' && (
                <DateField label="Last date" value={value.until || null} onChange={(v) => set({ until: v ?? '' })} minDate={start} />
              )}
              <Radio value="count" label="After a number of sessions" />
              {value.ends === 'count' && (
                <NumberInput
                  label="Number of sessions"
                  min={1}
                  max={500}
                  value={value.count}
                  onChange={(v) => set({ count: typeof v === 'number' && v >= 1 ? Math.floor(v) : 1 })}
                  w={200}
                />
              )}
            </Stack>
          </Radio.Group>
        </>
      )}
      <Text size="sm" id={summaryId} aria-live="polite" data-testid="recurrence-summary">
        {describeRecurrence({ ...value, position }, start)}
      </Text>
    </Stack>
  );
}
