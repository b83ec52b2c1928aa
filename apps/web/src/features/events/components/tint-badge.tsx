import { Badge, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = Omit<BadgeProps, 'variant' | 'color'> & { color: TintColor; children: ReactNode; 'data-testid'?: string };

/**
 * Mantine's light variant draws shade 9 on shade 1 of a palette; only these palettes reach WCAG
 * AA that way (orange, teal, green, lime and yellow do not), so only they are allowed here.
 */
export type TintColor = 'dark' | 'gray' | 'red' | 'pink' | 'grape' | 'violet' | 'indigo' | 'blue' | 'cyan';

export function TintBadge({ color, ...rest }: Props) {
  return <Badge variant="light" color={color} {...rest} />;
}
