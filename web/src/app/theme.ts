import { Alert, createTheme, type CSSVariablesResolver, InputWrapper, Modal } from '@mantine/core';

/** Shade 8 of the primary colour: the default shade fails WCAG contrast for white text. */
export const theme = createTheme({
  primaryShade: { light: 8, dark: 8 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif' },
  defaultRadius: 'md',
  components: {
    // No asterisk inside labels: it becomes part of the label's text ("E-mail *"),
    // which breaks exact label matching. Inputs still carry the `required` attribute,
    // and app.css marks their labels with an asterisk drawn in CSS.
    InputWrapper: InputWrapper.extend({ defaultProps: { withAsterisk: false } }),
    // Dialogs appear at once: a fading dialog is, for a moment, text without contrast.
    Modal: Modal.extend({ defaultProps: { transitionProps: { duration: 0 } } }),
    // Alert titles in body text colour: green and yellow titles on white fail 4.5:1.
    Alert: Alert.extend({ styles: { title: { color: 'var(--mantine-color-text)' } } }),
  },
});

/**
 * "Dimmed" text (input descriptions and hints) and placeholders darker than Mantine's, and a field's
 * error (its message, and the text typed in it) in the darkest red, for 4.5:1 contrast on white.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
