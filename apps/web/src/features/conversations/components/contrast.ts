/**
 * Mantine's light-variant text falls below AA on several tints (orange, green: even shade 9);
 * near-black text passes on every tint, and the tint still tells the states apart.
 */
export const DARK_LABEL = { label: { color: 'var(--mantine-color-gray-9)' } };
/** The same for alert titles, which Mantine tints like badges. */
export const DARK_TITLE = { title: { color: 'var(--mantine-color-gray-9)' } };
