import { Center, Loader } from '@mantine/core';

/** The whole window while the first screen is on its way: the session check, or the screen's code. */
export function PageLoading() {
  return (
    <Center h="100vh">
      <Loader />
    </Center>
  );
}
