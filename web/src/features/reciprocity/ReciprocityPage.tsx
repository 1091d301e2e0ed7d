/** Placeholder until the page is built. */
export function ReciprocityPage() {
  return null;
}
