import { EVENT_FORMAT_LABELS, type EventFormat } from '@guildhall/shared';
import { FORMAT_COLORS } from '../lib/formats';

import { TintBadge } from './tint-badge';

export function FormatBadge({ format }: { format: EventFormat }) {
  const color = FORMAT_COLORS[format];
  return (
    <TintBadge color={color} data-testid="format-badge">
      {EVENT_FORMAT_LABELS[format]}
    </TintBadge>
  );
}
