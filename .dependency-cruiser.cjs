/**
 * The project's layering, checked by dependency-cruiser in `npm run lint`
 * (see docs/architecture.md and docs/decisions/0013-module-doors.md).
 *
 * Server modules sit in one order, lowest first: a module may use only the
 * modules before it, and only through their door (`index.ts`). Adding a
 * module means adding its name here, above everything it uses.
 */
const MODULES = ['network', 'audit', 'governance', 'coops', 'people', 'auth', 'cards', 'offers', 'fund', 'reciprocity', 'news', 'campaigns', 'programmes', 'budgeting', 'ventures', 'showcase', 'till', 'demo'];

const M = '^server/src/modules';

/** For each module: no import of a module at or above it in the order (that would make a cycle). */
const moduleOrder = MODULES.map((name, i) => {
  const above = MODULES.slice(i + 1);
  return {
    name: `module-order-${name}`,
    comment: `${name} may use only ${MODULES.slice(0, i).join(', ') || 'no other module'} (docs/architecture.md)`,
    severity: 'error',
    from: { path: `${M}/${name}/` },
    to: { path: above.length ? `${M}/(${above.join('|')})/` : '^$.' },
  };
});

module.exports = {
  forbidden: [
    {
      name: 'module-door',
      comment: "Another module is used only through its door, index.ts: its repositories, presenters and internals are its own.",
      severity: 'error',
      from: { path: `${M}/([^/]+)/` },
      to: { path: `${M}/[^/]+/.`, pathNot: [`${M}/$1/`, `${M}/[^/]+/index\\.ts$`] },
    },
    {
      name: 'app-through-doors',
      comment: 'The app, its wiring and the commands use modules through their doors too (the test kits in server/test may reach inside).',
      severity: 'error',
      from: { path: '^server/src/(?!modules/)' },
      to: { path: `${M}/[^/]+/.`, pathNot: `${M}/[^/]+/index\\.ts$` },
    },
    ...moduleOrder,
    {
      name: 'unknown-module',
      comment: 'Every folder under server/src/modules has its place in the order above.',
      severity: 'error',
      from: { path: `${M}/(?!(${MODULES.join('|')})/)[^/]+/` },
      to: {},
    },
    {
      name: 'no-cycle',
      comment: 'No file depends on itself through others.',
      severity: 'error',
      from: { pathNot: '(^|/)node_modules/' },
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'platform-below-modules',
      comment: 'platform/ and db/ serve every module and know none of them.',
      severity: 'error',
      from: { path: '^server/src/(platform|db)/' },
      to: { path: `${M}/` },
    },
    {
      name: 'layers-in-a-module',
      comment: 'Inside a module: routes → service → repository; a repository calls no service or route, a service no route.',
      severity: 'error',
      from: { path: '\\.(repository|service)\\.ts$' },
      to: { path: '\\.routes\\.ts$' },
    },
    {
      name: 'repository-below-service',
      severity: 'error',
      from: { path: '\\.repository\\.ts$' },
      to: { path: '\\.service\\.ts$' },
    },
    {
      name: 'domain-is-pure',
      comment: 'domain/ imports nothing of the server, the web app or the contract.',
      severity: 'error',
      from: { path: '^domain/' },
      to: { path: '^(server|web|contract|bench|e2e)/' },
    },
    {
      name: 'contract-knows-no-app',
      comment: 'contract/ describes the API; it imports nothing of the server or the web app.',
      severity: 'error',
      from: { path: '^contract/' },
      to: { path: '^(server|web|bench|e2e)/' },
    },
    {
      name: 'web-contract-types-only',
      comment: "The web app takes the contract's types, never its code (import type adds nothing to the bundle).",
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: '^contract/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'web-not-server',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^server/' },
    },
  ],
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    preserveSymlinks: false,
    tsConfig: { fileName: require('node:path').join(__dirname, 'tsconfig.base.json') },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
