import { NativeSelect } from '@mantine/core';
import { AUDIT_ACTIONS } from './action-labels';

const OPTIONS = [
  { value: '', label: 'All actions' },
  ...Object.entries(AUDIT_ACTIONS)
    .map(([value, { filter }]) => ({ value, label: filter }))
    .sort((a, b) => a.label.localeCompare(b.label)),
];

/** The API filters by one action; a native select keeps it usable by keyboard and on a phone. */
export function ActionFilter({ value, onChange }: { value: string; onChange: (action: string) => void }) {
  return (
    <NativeSelect
      label="Action"
      data={OPTIONS}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      w={{ base: '100%', xs: 280 }}
      data-testid="audit-action-filter"
    />
  );
}
