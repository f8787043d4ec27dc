import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The Alerts page; its tabs are sub-pages below it. */
export const rootRouteRef = createRouteRef();
