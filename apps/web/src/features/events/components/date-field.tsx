import '@mantine/dates/styles.css';
import { DatePickerInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';

/** Every icon-only control of the date picker, named for screen readers. */
export const CALENDAR_ARIA_LABELS = {
  monthLevelControl: 'Choose another month',
  yearLevelControl: 'Choose another year',
  nextMonth: 'Next month',
  previousMonth: 'Previous month',
  nextYear: 'Next year',
  previousYear: 'Previous year',
  nextDecade: 'Next decade',
  previousDecade: 'Previous decade',
};

type Props = {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string;
  required?: boolean;
  description?: string;
  minDate?: string;
};

/**
 * A calendar-popover date input ('YYYY-MM-DD'). @mantine/dates and its styles load with the
 * event form's route chunk only, never with the app shell.
 */
export function DateField({ label, value, onChange, error, required, description, minDate }: Props) {
  return (
    <DatePickerInput
      label={label}
      description={description}
      value={value}
      onChange={(v) => onChange(v ? String(v).slice(0, 10) : null)}
      valueFormat="ddd, D MMM YYYY"
      leftSection={<IconCalendar size={16} aria-hidden />}
      ariaLabels={CALENDAR_ARIA_LABELS}
      firstDayOfWeek={1}
      error={error}
      required={required}
      minDate={minDate}
      popoverProps={{ withinPortal: true }}
    />
  );
}
