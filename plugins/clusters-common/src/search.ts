/**
 * Whether a Kubernetes object matches the explorer's text search: a case-insensitive substring
 * of its name, namespace, or (for events) message and reason. The backend applies it to whole
 * cached lists and the frontend to live updates, so both agree on what matches.
 *
 * @public
 */
export function matchesSearch(
  object: {
    metadata?: { name?: string; namespace?: string };
    message?: string;
    reason?: string;
  },
  search: string | undefined,
): boolean {
  const needle = search?.trim().toLowerCase();
  if (!needle) return true;
  return [
    object.metadata?.name,
    object.metadata?.namespace,
    object.message,
    object.reason,
  ].some(text => text?.toLowerCase().includes(needle));
}
