/** Replaced at build time with package.json's version (electron.vite.config.ts). */
declare const __SOROT_VERSION__: string
