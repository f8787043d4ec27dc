import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { kubedeckDarkTheme, kubedeckLightTheme } from './themes';

/** Kubedeck's light and dark themes: the app's own, with Kubedeck's colours. */
export const themeModule = createFrontendModule({
  pluginId: 'app',
  extensions: [kubedeckLightTheme, kubedeckDarkTheme],
});
