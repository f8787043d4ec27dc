import {
  createUnifiedTheme,
  genPageTheme,
  PageTheme,
  palettes,
  shapes,
  UnifiedThemeProvider,
} from '@backstage/theme';
import { ThemeBlueprint } from '@backstage/plugin-app-react';
import DarkIcon from '@material-ui/icons/Brightness2';
import LightIcon from '@material-ui/icons/WbSunny';

/** Kubernetes blue, the colour of the Kubedeck mark. */
const KUBEDECK_BLUE = '#326ce5';

// Every page kind gets the Kubedeck header, so the portal does not change colour per page.
const kubedeckHeader = genPageTheme({
  colors: [KUBEDECK_BLUE, '#1b3f91'],
  shape: shapes.wave,
});
const pageTheme: Record<string, PageTheme> = Object.fromEntries(
  [
    'home',
    'documentation',
    'tool',
    'service',
    'website',
    'library',
    'other',
    'app',
    'apis',
    'card',
  ].map(kind => [kind, kubedeckHeader]),
);

const navigation = {
  ...palettes.light.navigation,
  indicator: '#6f9bff',
};

const lightTheme = createUnifiedTheme({
  palette: { ...palettes.light, navigation },
  pageTheme,
  defaultPageTheme: 'home',
});

const darkTheme = createUnifiedTheme({
  palette: { ...palettes.dark, navigation },
  pageTheme,
  defaultPageTheme: 'home',
});

/** Replaces the app plugin's light theme with the Kubedeck-branded one (same id). */
export const kubedeckLightTheme = ThemeBlueprint.make({
  name: 'light',
  params: {
    theme: {
      id: 'light',
      title: 'Light Theme',
      variant: 'light',
      icon: <LightIcon />,
      Provider: ({ children }) => (
        <UnifiedThemeProvider theme={lightTheme}>
          {children}
        </UnifiedThemeProvider>
      ),
    },
  },
});

/** Replaces the app plugin's dark theme with the Kubedeck-branded one (same id). */
export const kubedeckDarkTheme = ThemeBlueprint.make({
  name: 'dark',
  params: {
    theme: {
      id: 'dark',
      title: 'Dark Theme',
      variant: 'dark',
      icon: <DarkIcon />,
      Provider: ({ children }) => (
        <UnifiedThemeProvider theme={darkTheme}>
          {children}
        </UnifiedThemeProvider>
      ),
    },
  },
});
