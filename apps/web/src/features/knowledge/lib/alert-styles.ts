/**
 * Mantine's light alerts write their title in the hue itself, which on its own tint falls
 * below WCAG AA for the light hues (yellow, orange, teal). Titles here are dark; the tint and
 * the icon carry the colour.
 */
export const readableAlert = { title: { color: 'var(--mantine-color-black)' } };
