declare const __VERSION__: string;
/** Set from package.json at build time (scripts/build.mjs); the fallback shows in unbundled tests. */
export const VERSION: string = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';
