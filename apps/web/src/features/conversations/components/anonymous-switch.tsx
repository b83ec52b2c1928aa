import { Switch } from '@mantine/core';
import { IconMask } from '@tabler/icons-react';
import { ANONYMOUS_PROMISE } from './labels';

type Props = { label: string; checked: boolean; onChange: (checked: boolean) => void; error?: string };

/** The anonymous choice, with its promise right beside it (and read out with it, as its description). */
export function AnonymousSwitch({ label, checked, onChange, error }: Props) {
  return (
    <Switch
      label={label}
      description={ANONYMOUS_PROMISE}
      checked={checked}
      onChange={(e) => onChange(e.currentTarget.checked)}
      error={error}
      thumbIcon={checked ? <IconMask size={12} color="var(--mantine-color-indigo-8)" aria-hidden /> : undefined}
      data-testid="anonymous-switch"
      styles={{ description: { color: 'var(--mantine-color-gray-7)', maxWidth: '38rem' } }}
    />
  );
}
