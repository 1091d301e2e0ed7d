/** Placeholder until the page is built. */
export function CardPage() {
  return null;
}
