import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { timeZoneNames } from '../lib/time';

type Props = { value: string; onChange: (value: string) => void; error?: string };

/** Searchable IANA zones, the viewer's own first: a session keeps its wall-clock time in this zone. */
export function TimeZoneSelect({ value, onChange, error }: Props) {
  const data = useMemo(() => {
    const names = timeZoneNames();
    return names.includes(value) ? names : [value, ...names];
  }, [value]);
  return (
    <Select
      label="Time zone"
      description="The session keeps its local time in this zone, across daylight-saving changes."
      searchable
      data={data}
      value={value}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      limit={50}
      nothingFoundMessage="No such time zone"
      error={error}
      required
      comboboxProps={{ withinPortal: true }}
    />
  );
}
