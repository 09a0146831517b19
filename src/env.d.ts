// Plain `tsc` cannot read .astro files (Astro 7 leaves them to its own language tools), so
// a .ts module that imports a component, such as src/components/mdx/index.ts, sees it
// typed as what Astro compiles it to: a component factory.
declare module '*.astro' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
  const Component: AstroComponentFactory;
  export default Component;
}
