// Generated at build time by web/build/messages-by-language.ts.
declare module 'virtual:pd-desk-messages' {
  /** Language → namespace → a loader of that namespace's strings in that language. */
  export const namespaceLoaders: Record<string, Record<string, () => Promise<{ default: Record<string, unknown> }>>>;
}
declare module 'virtual:pd-desk-messages/*' {
  const messages: Record<string, unknown>;
  export default messages;
}
