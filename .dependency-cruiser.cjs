/**
 * The floors of the house (DESIGN.md §1 and issue 17), checked in the lint lane.
 * Each rule names the floor it protects; a violation fails `npm run lint`.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'Zero import cycles in src/ and scripts/, type-only imports included.',
      severity: 'error',
      from: {},
      to: { circular: true }
    },
    {
      name: 'core-not-into-bridges-above',
      comment: 'The core imports neither the preload nor the renderer.',
      severity: 'error',
      from: { path: '^src/main/core/' },
      to: { path: '^src/(preload|renderer)/' }
    },
    {
      name: 'core-no-electron',
      severity: 'error',
      from: { path: '^src/main/core/' },
      to: { path: '^electron$|node_modules/electron/' }
    },
    {
      name: 'shared-is-pure',
      comment: 'src/shared runs in every process: no Node, Electron, React or other src folder.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: {
        path: '^src/(main|preload|renderer)/|^electron$|node_modules/(electron|react)/',
        dependencyTypes: ['local', 'npm', 'core']
      }
    },
    {
      name: 'shared-no-node-builtins',
      comment: 'src/shared runs in the page too: no Node built-in modules.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { dependencyTypes: ['core'] }
    },
    {
      name: 'renderer-no-node-builtins',
      comment: 'The renderer is a sandboxed page: no Node built-in modules.',
      severity: 'error',
      from: { path: '^src/renderer/' },
      to: { dependencyTypes: ['core'] }
    },
    {
      name: 'store-is-ground-floor',
      comment: 'store/ is storage only: it imports nothing from the floors above it.',
      severity: 'error',
      from: { path: '^src/main/core/store/' },
      to: {
        path: '^src/main/core/(import|library|search|quotes|export|backup|sync|cli|serve|dispatch|core)'
      }
    },
    {
      name: 'import-knows-no-store',
      comment: 'import/ is pure text to draft: it knows nothing of the store or the floors above.',
      severity: 'error',
      from: { path: '^src/main/core/import/' },
      to: {
        path: '^src/main/core/(store|library|search|quotes|export|backup|sync|cli|serve|dispatch|core)'
      }
    },
    {
      name: 'library-below-services',
      comment: 'library/ (use cases on stored data) sits below the services and the bridges.',
      severity: 'error',
      from: { path: '^src/main/core/library/' },
      to: { path: '^src/main/core/(search|export|backup|sync|cli|serve|dispatch|core)' }
    },
    {
      name: 'renderer-through-api',
      comment: 'The renderer reaches the core only through api.ts and the shared contract.',
      severity: 'error',
      from: { path: '^src/renderer/' },
      to: { path: '^src/(main|preload)/' }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'generated/' },
    tsPreCompilationDeps: true,
    // The web project's paths resolve the renderer's @renderer and @shared aliases.
    tsConfig: { fileName: 'tsconfig.web.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default']
    }
  }
}
