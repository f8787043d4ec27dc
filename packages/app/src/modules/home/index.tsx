import {
  createFrontendModule,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';

/**
 * The portal's root path `/`. No page is mounted there (the catalog lives at /catalog), so the
 * root, where sign-in lands, redirects to the catalog instead of showing "page not found". To
 * mount another page at `/`, disable this one in app-config (`page:app/home-redirect: false`).
 */
const homeRedirectPage = PageBlueprint.make({
  name: 'home-redirect',
  params: {
    path: '/',
    noHeader: true,
    loader: () => import('./HomeRedirect').then(m => <m.HomeRedirect />),
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'app',
  extensions: [homeRedirectPage],
});
