import { type CSSVariablesResolver, createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 8 keeps white text on filled buttons and badges above WCAG AA (4.5:1), including red and indigo.
  primaryShade: { light: 8, dark: 6 },
  defaultRadius: 'md',
  focusRing: 'auto',
  headings: { sizes: { h1: { fontSize: '1.875rem', lineHeight: '1.3' } } },
  // Plain objects rather than Component.extend(): importing Modal here would pull it (and its
  // scroll area) into the first download although only a few pages open dialogs.
  components: {
    // Icon-only close buttons; without a name screen readers announce just "button".
    Notification: {
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } },
      // The description's default gray 6 is below AA contrast on white.
      styles: { description: { color: 'var(--mantine-color-gray-7)' } },
    },
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } },
    // A <header> inside a dialog counts as a second page banner for assistive technology.
    ModalHeader: { defaultProps: { component: 'div' } },
  },
});

/**
 * Mantine's defaults for secondary text (gray 6), errors (red 6) and links fall below WCAG AA
 * (4.5:1) on white or on light tinted alerts; these shades pass on both.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-anchor': 'var(--mantine-color-indigo-9)',
  },
  dark: {},
});
