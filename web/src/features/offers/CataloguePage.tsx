/** Placeholder until the page is built. */
export function CataloguePage() {
  return null;
}
