// The toasts' container on its own, so it can be fetched on first use (notifications-on-demand.tsx).
export { Notifications } from '@mantine/notifications';
