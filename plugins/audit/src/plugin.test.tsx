import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { auditApiRef } from './api';
import { auditPlugin } from './plugin';

describe('auditPlugin', () => {
  it('mounts the Audit page at /audit with a title for its sidebar entry', () => {
    const tester = createExtensionTester(
      auditPlugin.getExtension('page:kubedeck-audit'),
    );

    expect(tester.get(coreExtensionData.routePath)).toBe('/audit');
    expect(tester.get(coreExtensionData.title)).toBe('Audit');
  });

  it('provides the audit API', () => {
    const tester = createExtensionTester(
      auditPlugin.getExtension('api:kubedeck-audit'),
    );

    expect(tester.get(ApiBlueprint.dataRefs.factory).api).toBe(auditApiRef);
  });
});
