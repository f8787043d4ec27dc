/**
 * The Kubedeck pages the portal can have, and which of them packages/app installs. A page's
 * tests run when its frontend plugin is a dependency of packages/app; add an entry here when a
 * new Kubedeck page arrives.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './portal';

export interface KubedeckPage {
  /** The frontend plugin package that provides the page. */
  packageName: string;
  /** Where the page is mounted. */
  path: string;
  /** The text of its sidebar entry. */
  navTitle: string;
  /** Its main heading. */
  heading: RegExp;
  /** Screenshot file name. */
  screenshot: string;
}

export const KUBEDECK_PAGES: KubedeckPage[] = [
  {
    packageName: '@kubedeck/plugin-clusters',
    path: '/clusters',
    navTitle: 'Clusters',
    heading: /clusters/i,
    screenshot: 'clusters',
  },
  {
    packageName: '@kubedeck/plugin-agent-hub',
    path: '/agents',
    navTitle: 'Agents',
    heading: /agents/i,
    screenshot: 'agents',
  },
  {
    packageName: '@kubedeck/plugin-terminal',
    path: '/terminal',
    navTitle: 'Terminal',
    heading: /terminal/i,
    screenshot: 'terminal',
  },
  {
    packageName: '@kubedeck/plugin-ai-chat',
    path: '/assistant',
    navTitle: 'Assistant',
    heading: /assistant/i,
    screenshot: 'assistant',
  },
  {
    packageName: '@kubedeck/plugin-audit',
    path: '/audit',
    navTitle: 'Audit',
    heading: /audit/i,
    screenshot: 'audit',
  },
];

/** The Kubedeck pages whose plugin packages/app depends on. */
export function installedKubedeckPages(): KubedeckPage[] {
  const app = JSON.parse(
    readFileSync(join(REPO_ROOT, 'packages/app/package.json'), 'utf8'),
  );
  const dependencies: Record<string, string> = app.dependencies ?? {};
  return KUBEDECK_PAGES.filter(page => page.packageName in dependencies);
}
