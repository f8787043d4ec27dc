import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { KubedeckNotificationsApi, kubedeckNotificationsApiRef } from '../api';

/** Renders a page of the plugin over a fake API, every permission allowed or denied. */
export function renderWithApi(
  element: JSX.Element,
  api: KubedeckNotificationsApi,
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  return renderInTestApp(element, {
    apis: [
      [kubedeckNotificationsApiRef, api],
      mockApis.permission({ authorize: result }),
    ],
  });
}
