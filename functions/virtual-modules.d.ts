// Modules the build resolves by alias (wrangler.toml [alias], test/vitest.config.ts resolve.alias),
// so the source typechecks before dist/ exists.

declare module 'virtual:bundled-policies' {
  const bundle: import('./policy-bundle.js').PolicyBundleFile;
  export default bundle;
}
