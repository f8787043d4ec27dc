import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
  SubPageBlueprint,
} from '@backstage/frontend-plugin-api';
import NotificationsActiveIcon from '@material-ui/icons/NotificationsActive';
import {
  kubedeckNotificationsApiRef,
  KubedeckNotificationsClient,
} from './api';
import { rootRouteRef } from './routes';

const notificationsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: kubedeckNotificationsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new KubedeckNotificationsClient({ discoveryApi, fetchApi }),
    }),
});

const loadPreferences = () =>
  import('./components/PreferencesPage').then(m => <m.PreferencesPage />);

/** The Alerts page; its title and icon make its sidebar entry, its sub-pages its tabs. */
const alertsPage = PageBlueprint.make({
  params: {
    path: '/kubedeck-notifications',
    title: 'Alerts',
    icon: <NotificationsActiveIcon />,
    routeRef: rootRouteRef,
  },
});

const preferencesTab = SubPageBlueprint.make({
  name: 'preferences',
  params: {
    path: 'preferences',
    title: 'My preferences',
    loader: loadPreferences,
  },
});

const channelsTab = SubPageBlueprint.make({
  name: 'channels',
  params: {
    path: 'channels',
    title: 'Channels',
    loader: () =>
      import('./components/ChannelsPage').then(m => <m.ChannelsPage />),
  },
});

const deliveriesTab = SubPageBlueprint.make({
  name: 'deliveries',
  params: {
    path: 'deliveries',
    title: 'Delivery history',
    loader: () =>
      import('./components/DeliveriesPage').then(m => <m.DeliveriesPage />),
  },
});

/**
 * The same preferences as a tab of the user settings page, at `/settings/notifications`.
 * Without the user-settings plugin this extension has nothing to attach to and stays unused.
 */
const userSettingsTab = SubPageBlueprint.make({
  name: 'user-settings',
  attachTo: { id: 'page:user-settings', input: 'pages' },
  params: {
    path: 'notifications',
    title: 'Notifications',
    loader: loadPreferences,
  },
});

/**
 * Kubedeck alerts: notification preferences (also under Settings), the channels admins
 * configure and the delivery history.
 *
 * @public
 */
export const kubedeckNotificationsPlugin = createFrontendPlugin({
  pluginId: 'kubedeck-notifications',
  title: 'Alerts',
  icon: <NotificationsActiveIcon />,
  routes: { root: rootRouteRef },
  extensions: [
    notificationsApi,
    alertsPage,
    preferencesTab,
    channelsTab,
    deliveriesTab,
    userSettingsTab,
  ],
});
