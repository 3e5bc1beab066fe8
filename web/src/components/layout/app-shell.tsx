import { AppShell, Group, NavLink, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet, NavLink as RouterNavLink, useLocation } from 'react-router';
import { useCurrentUser } from '../../features/auth/use-session';
import { LanguageSwitch } from './language-switch';
import { NAV_ITEMS } from './nav-items';
import { UserMenu } from './user-menu';

export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { pathname } = useLocation();
  const items = NAV_ITEMS.filter((item) => item.roles.includes(user.role));
  const isActive = (href: string) =>
    href === '/' ? pathname === '/' : pathname.startsWith(href.split('/').slice(0, 2).join('/'));
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 210, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Text fw={700} size="lg" c="teal.8">
            {t('appName')}
          </Text>
          <Group gap="sm">
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.mainLabel')}>
        {items.map((item) =>
          item.children ? (
            // A section with several screens: the link opens its first screen and unfolds the others.
            <NavLink
              key={item.key}
              component={RouterNavLink}
              to={item.href}
              label={t(`nav.${item.key}`)}
              defaultOpened={isActive(item.href)}
              childrenOffset={12}
            >
              {item.children.map((child) => (
                <NavLink
                  key={child.key}
                  component={RouterNavLink}
                  to={child.href}
                  label={t(`nav.${child.key}`)}
                  active={pathname.startsWith(child.href)}
                  variant="filled"
                />
              ))}
            </NavLink>
          ) : (
            <NavLink
              key={item.key}
              component={RouterNavLink}
              to={item.href}
              label={t(`nav.${item.key}`)}
              active={isActive(item.href)}
              variant="filled"
            />
          ),
        )}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
