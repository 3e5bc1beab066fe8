// Mantine's Tooltip (with floating-ui) on its own, fetched after the first paint by hint.tsx.
export { Tooltip } from '@mantine/core';
