import type {
  NavContentNavItem,
  NavContentNavItems,
} from '@backstage/plugin-app-react';
import { isKubedeckNavItem, kubedeckNavItemIds } from './kubedeckNavItems';

function navItem(id: string, pluginId: string, href: string, title: string) {
  return {
    node: { spec: { id, plugin: { pluginId } } },
    href,
    title,
  } as unknown as NavContentNavItem;
}

const catalog = navItem('page:catalog', 'catalog', '/catalog', 'Catalog');
const audit = navItem(
  'page:kubedeck-audit',
  'kubedeck-audit',
  '/audit',
  'Audit',
);
const clusters = navItem('page:clusters', 'clusters', '/clusters', 'Clusters');
const agents = navItem(
  'page:kubedeck-agents',
  'kubedeck-agents',
  '/agents',
  'Agents',
);
const reports = navItem(
  'page:kubedeck-reports',
  'kubedeck-reports',
  '/kd-reports',
  'Reports',
);
const alerts = navItem(
  'page:kubedeck-alerts',
  'kubedeck-alerts',
  '/kd-alerts',
  'Alerts',
);

describe('Kubedeck nav items', () => {
  it('recognises Kubedeck pages by plugin id or by their mount path', () => {
    expect(isKubedeckNavItem(audit)).toBe(true);
    expect(isKubedeckNavItem(clusters)).toBe(true);
    expect(isKubedeckNavItem(reports)).toBe(true);
    expect(isKubedeckNavItem(catalog)).toBe(false);
    expect(
      isKubedeckNavItem(navItem('page:x', 'x', '/auditing', 'Auditing')),
    ).toBe(false);
  });

  it('orders the known pages first, then the other Kubedeck pages by title', () => {
    const items = [reports, catalog, audit, alerts, agents, clusters];
    const navItems = { rest: () => items } as unknown as NavContentNavItems;

    expect(kubedeckNavItemIds(navItems)).toEqual([
      'page:clusters',
      'page:kubedeck-agents',
      'page:kubedeck-audit',
      'page:kubedeck-alerts',
      'page:kubedeck-reports',
    ]);
    expect(items).toHaveLength(6);
  });
});
