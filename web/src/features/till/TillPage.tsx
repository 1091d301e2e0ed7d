/** Placeholder until the page is built. */
export function TillPage() {
  return null;
}
