// Packages the snapshot bundle holds less of than they are (scripts/build-snapshot.mjs gives
// each name below the module written here).
//
// lodash and lodash/fp: MJML's packages call them as `_lodash.<name>` and `_fp.<name>`. The
// bundle gives them lodash's one-function modules (lodash/get.js...) instead of the whole
// library, which lodash/fp converts function by function when loaded: hundreds of closures that
// a build never calls. Any other name is read from the whole library, required from
// node_modules on first use, so a name missing here costs time, never a failure;
// test/e2e/snapshot.test.ts keeps the lists whole.
//
// htmlnano (with its own parser and entity tables) and cssnano's preset (with
// postcss-selector-parser) only minify: build --minify, and an email near Gmail's clip. Their
// stand-ins require the real ones on first use, at run time, where htmlnano's import() of
// cssnano works as under node; so none of it weighs on the snapshot, which could not import()
// them anyway.
export const LODASH_METHODS = [
  'each',
  'escapeRegExp',
  'filter',
  'find',
  'findLastIndex',
  'forEach',
  'get',
  'identity',
  'isEmpty',
  'isFunction',
  'isNil',
  'isObject',
  'kebabCase',
  'map',
  'mapValues',
  'min',
  'negate',
  'omit',
  'omitBy',
  'range',
  'reduce',
  'repeat',
  'some',
];
export const LODASH_FP_METHODS = ['filter', 'flow', 'identity', 'join', 'map'];

/** Source that defines load(): the module `name`, required as `from` would, once, when first called. */
function loadOnFirstUse(from, name) {
  return `let loaded;
const load = () => (loaded ??= require('node:module').createRequire(${JSON.stringify(from)})(${JSON.stringify(name)}));
`;
}

/** The source of the stand-in for `lodash` (fp false) or `lodash/fp` (fp true); `wholeLibrary` resolves lodash. */
export function lodashStandIn(fp, wholeLibrary) {
  const folder = fp ? 'lodash/fp' : 'lodash';
  const methods = (fp ? LODASH_FP_METHODS : LODASH_METHODS).map((name) => `  ${name}: require(${JSON.stringify(`${folder}/${name}.js`)}),`).join('\n');
  // The functions are the object's own properties, read as fast as any; only a name that is
  // not one of them reaches the prototype, a Proxy that reads it from the whole library.
  return `${loadOnFirstUse(wholeLibrary, folder)}const rest = new Proxy({}, {
  get(target, key) {
    if (typeof key === 'symbol' || key === '__esModule') return undefined;
    return load()[key];
  },
});
module.exports = Object.setPrototypeOf({\n${methods}\n}, rest);
`;
}

/**
 * Every stand-in's source, by the module name it replaces. `resolve` finds a package's entry
 * (the build script's require.resolve): htmlnano and the preset are required from MJML's folder.
 */
export function standInSources(resolve) {
  const mjml = resolve('mjml-core');
  return {
    htmlnano: `${loadOnFirstUse(mjml, 'htmlnano')}module.exports = { process: (...args) => load().process(...args) };\n`,
    'cssnano-preset-lite': `${loadOnFirstUse(mjml, 'cssnano-preset-lite')}module.exports = function cssnanoPresetLite(...args) { return load()(...args); };\n`,
    lodash: lodashStandIn(false, resolve('lodash')),
    'lodash/fp': lodashStandIn(true, resolve('lodash')),
  };
}
