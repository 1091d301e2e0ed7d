/** Placeholder until the page is built. */
export function ManageOffersPage() {
  return null;
}
