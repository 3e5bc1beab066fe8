// Generated at build time by web/build/messages-by-language.ts.
declare module 'virtual:pd-desk-messages/*' {
  const messages: Record<string, Record<string, unknown>>;
  export default messages;
}
