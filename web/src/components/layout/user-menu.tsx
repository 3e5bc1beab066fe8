import { Button, type ButtonProps, Text } from '@mantine/core';
import type { ComponentPropsWithRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../features/auth/use-session';
import { afterFirstPaint } from '../../lib/after-first-paint';

/**
 * The signed-in user's name and role: the menu's target, and what stands in for the menu until its code has arrived.
 * Named by what it shows (the name and the role): a voice user says what they see.
 */
export function UserButton(props: ButtonProps & ComponentPropsWithRef<'button'>) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Button variant="subtle" color="gray" {...props}>
      <Text size="sm" fw={500} lang="ru">
        {user.displayName}
      </Text>
      <Text size="xs" c="dimmed" ml={6}>
        {t(`roles.${user.role}`)}
      </Text>
    </Button>
  );
}

/** The user's menu (security, sign out), with Mantine's floating layer fetched after the first paint. */
export const UserMenu = afterFirstPaint(
  () => import('./user-menu-dropdown').then((m) => m.UserMenuDropdown),
  () => <UserButton disabled />,
);
