import type {
  NavContentNavItem,
  NavContentNavItems,
} from '@backstage/plugin-app-react';

/**
 * Where the Kubedeck pages are mounted, in the order their sidebar entries appear. Entries of
 * other Kubedeck pages (plugin id starting with `kubedeck`) follow, sorted by title.
 */
export const KUBEDECK_PAGE_PATHS = [
  '/clusters',
  '/agents',
  '/terminal',
  '/assistant',
  '/audit',
];

function pathRank(item: NavContentNavItem): number {
  const index = KUBEDECK_PAGE_PATHS.findIndex(
    path => item.href === path || item.href.startsWith(`${path}/`),
  );
  return index === -1 ? KUBEDECK_PAGE_PATHS.length : index;
}

/** Whether a nav item leads to a Kubedeck page. */
export function isKubedeckNavItem(item: NavContentNavItem): boolean {
  return (
    item.node.spec.plugin.pluginId.startsWith('kubedeck') ||
    pathRank(item) < KUBEDECK_PAGE_PATHS.length
  );
}

/**
 * The extension ids of the Kubedeck nav items not yet taken, in sidebar order, so that the
 * caller can `take` them into the Kubedeck group.
 */
export function kubedeckNavItemIds(navItems: NavContentNavItems): string[] {
  return navItems
    .rest()
    .filter(isKubedeckNavItem)
    .sort((a, b) => pathRank(a) - pathRank(b) || a.title.localeCompare(b.title))
    .map(item => item.node.spec.id);
}
