import {
  Sidebar,
  SidebarDivider,
  SidebarGroup,
  SidebarItem,
  SidebarScrollWrapper,
  SidebarSpace,
} from '@backstage/core-components';
import { NavContentBlueprint } from '@backstage/plugin-app-react';
import { NotificationsSidebarItem } from '@backstage/plugin-notifications';
import { UserSettingsSignInAvatar } from '@backstage/plugin-user-settings';
import AppsIcon from '@material-ui/icons/Apps';
import MenuIcon from '@material-ui/icons/Menu';
import NotificationsIcon from '@material-ui/icons/Notifications';
import { LogoIcon } from './LogoIcon';
import { SidebarLogo } from './SidebarLogo';
import { SidebarSectionTitle } from './SidebarSectionTitle';
import { kubedeckNavItemIds } from './kubedeckNavItems';

export const SidebarContent = NavContentBlueprint.make({
  params: {
    component: ({ navItems }) => {
      const nav = navItems.withComponent(item => (
        <SidebarItem icon={() => item.icon} to={item.href} text={item.title} />
      ));

      // Placed by hand below: the bell shows the unread count, settings sit at the bottom.
      nav.take('page:notifications');
      const catalogItem = nav.take('page:catalog');
      const settingsItems = [
        nav.take('page:user-settings'),
        nav.take('page:app-visualizer'),
      ];
      const kubedeckItems = kubedeckNavItemIds(navItems).map(id =>
        nav.take(id),
      );
      const otherItems = nav.rest({ sortBy: 'title' });

      return (
        <Sidebar>
          <SidebarLogo />
          <SidebarDivider />
          <SidebarGroup label="Menu" icon={<MenuIcon />}>
            {catalogItem}
          </SidebarGroup>
          {kubedeckItems.length > 0 && (
            <SidebarGroup label="Kubedeck" icon={<LogoIcon />}>
              <SidebarDivider />
              <SidebarSectionTitle title="Kubedeck" />
              {kubedeckItems}
            </SidebarGroup>
          )}
          {otherItems.length > 0 && (
            <SidebarGroup label="More" icon={<AppsIcon />}>
              <SidebarDivider />
              <SidebarScrollWrapper>{otherItems}</SidebarScrollWrapper>
            </SidebarGroup>
          )}
          <SidebarSpace />
          <SidebarDivider />
          <SidebarGroup
            label="Notifications"
            icon={<NotificationsIcon />}
            to="/notifications"
          >
            <NotificationsSidebarItem />
          </SidebarGroup>
          <SidebarDivider />
          <SidebarGroup
            label="Settings"
            icon={<UserSettingsSignInAvatar />}
            to="/settings"
          >
            {settingsItems}
          </SidebarGroup>
        </Sidebar>
      );
    },
  },
});
