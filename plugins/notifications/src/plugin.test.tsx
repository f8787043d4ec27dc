import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { kubedeckNotificationsApiRef } from './api';
import { kubedeckNotificationsPlugin } from './plugin';

describe('kubedeckNotificationsPlugin', () => {
  it('mounts the Alerts page with a title for its sidebar entry', () => {
    const tester = createExtensionTester(
      kubedeckNotificationsPlugin.getExtension('page:kubedeck-notifications'),
    );

    expect(tester.get(coreExtensionData.routePath)).toBe(
      '/kubedeck-notifications',
    );
    expect(tester.get(coreExtensionData.title)).toBe('Alerts');
  });

  it.each([
    ['preferences', 'preferences', 'My preferences'],
    ['channels', 'channels', 'Channels'],
    ['deliveries', 'deliveries', 'Delivery history'],
  ] as const)('has the %s tab', (name, path, title) => {
    const tester = createExtensionTester(
      kubedeckNotificationsPlugin.getExtension(
        `sub-page:kubedeck-notifications/${name}`,
      ),
    );

    expect(tester.get(coreExtensionData.routePath)).toBe(path);
    expect(tester.get(coreExtensionData.title)).toBe(title);
  });

  it('adds a Notifications tab to the user settings page', () => {
    // Where it attaches (page:user-settings) is checked in the browser: packages/e2e.
    const tester = createExtensionTester(
      kubedeckNotificationsPlugin.getExtension(
        'sub-page:kubedeck-notifications/user-settings',
      ),
    );

    expect(tester.get(coreExtensionData.routePath)).toBe('notifications');
    expect(tester.get(coreExtensionData.title)).toBe('Notifications');
  });

  it('provides the notifications API', () => {
    const tester = createExtensionTester(
      kubedeckNotificationsPlugin.getExtension('api:kubedeck-notifications'),
    );

    expect(tester.get(ApiBlueprint.dataRefs.factory).api).toBe(
      kubedeckNotificationsApiRef,
    );
  });
});
