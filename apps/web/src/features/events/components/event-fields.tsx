import { EVENT_FORMAT_LABELS, EVENT_FORMATS, type EventFormat } from '@guildhall/shared';
import { Divider, Group, NumberInput, Radio, Stack, TextInput, Title } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import type { FieldErrors } from '@/lib/form';
import type { EventFormValues, FormMode } from '../lib/event-form-values';
import { FORMAT_HINTS } from '../lib/formats';
import { DateField } from './date-field';
import { MarkdownField } from './markdown-field';
import { RecurrenceBuilder } from './recurrence-builder';
import { TimeZoneSelect } from './time-zone-select';

type Props = {
  values: EventFormValues;
  errors: FieldErrors;
  onChange: <K extends keyof EventFormValues>(key: K, value: EventFormValues[K]) => void;
  mode: FormMode;
};

/** The fields a session is scheduled and edited with; one session alone ("this") keeps the series' format, zone and rule. */
export function EventFields({ values, errors, onChange, mode }: Props) {
  const wholeSeries = mode !== 'this';
  return (
    <Stack gap="lg">
      {wholeSeries && (
        <Radio.Group<EventFormat>
          label="Format"
          required
          value={values.format}
          onChange={(v) => onChange('format', v)}
          error={errors.format}
        >
          <Stack gap="sm" mt="xs">
            {EVENT_FORMATS.map((f) => (
              <Radio key={f} value={f} label={EVENT_FORMAT_LABELS[f]} description={FORMAT_HINTS[f]} />
            ))}
          </Stack>
        </Radio.Group>
      )}
      <TextInput
        label="Title"
        required
        maxLength={200}
        value={values.title}
        onChange={(e) => onChange('title', e.currentTarget.value)}
        error={errors.title}
      />
      {wholeSeries && (
        <MarkdownField
          label="Description"
          value={values.description}
          onChange={(v) => onChange('description', v)}
          error={errors.description}
        />
      )}
      <Divider />
      <Title order={3} size="h5">
        When
      </Title>
      <Group gap="md" align="flex-start" wrap="wrap">
        <DateField
          label={mode === 'this' ? 'Date of this session' : 'Date'}
          required
          value={values.date}
          onChange={(v) => onChange('date', v)}
          error={errors.start ?? errors.date}
        />
        <TimeInput
          label="Start time"
          required
          value={values.time}
          onChange={(e) => onChange('time', e.currentTarget.value)}
          error={errors.start ? ' ' : errors.time}
          w={140}
        />
        <NumberInput
          label="Duration (minutes)"
          required
          min={1}
          max={1440}
          step={15}
          value={values.durationMinutes}
          onChange={(v) => onChange('durationMinutes', v)}
          error={errors.durationMinutes}
          w={180}
        />
      </Group>
      {wholeSeries && <TimeZoneSelect value={values.timeZone} onChange={(v) => onChange('timeZone', v)} error={errors.timeZone} />}
      {wholeSeries && (
        <RecurrenceBuilder
          value={values.recurrence}
          onChange={(v) => onChange('recurrence', v)}
          startDate={values.date}
          error={errors.recurrence}
        />
      )}
      <Divider />
      <Title order={3} size="h5">
        Where and how many
      </Title>
      <TextInput
        label="Place"
        description="A room, a floor, a building — leave empty for online only."
        maxLength={300}
        value={values.place}
        onChange={(e) => onChange('place', e.currentTarget.value)}
        error={errors.place}
      />
      <TextInput
        label="Video link"
        type="url"
        placeholder="https://"
        value={values.videoUrl}
        onChange={(e) => onChange('videoUrl', e.currentTarget.value)}
        error={errors.videoUrl}
      />
      <NumberInput
        label="Capacity"
        description="Places available; when they are taken, people join a waitlist. Leave empty for no limit."
        min={1}
        max={100000}
        allowDecimal={false}
        value={values.capacity}
        onChange={(v) => onChange('capacity', v)}
        error={errors.capacity}
        w={260}
      />
    </Stack>
  );
}
