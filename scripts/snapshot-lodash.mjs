// The lodash functions that MJML's packages call, as `_lodash.<name>` and `_fp.<name>` (from
// `require("lodash")` and `require("lodash/fp")`). The snapshot bundle gives them lodash's
// one-function modules (lodash/get.js...) instead of the whole library, which lodash/fp
// converts function by function when loaded: hundreds of closures that a build never calls.
// Any other name is read from the whole library, required from node_modules on first use, so a
// name missing here costs time, never a failure; test/e2e/snapshot.test.ts keeps the lists whole.
export const LODASH_METHODS = ['each', 'escapeRegExp', 'filter', 'find', 'findLastIndex', 'forEach', 'get', 'identity', 'isEmpty', 'isFunction', 'isNil', 'isObject', 'kebabCase', 'map', 'mapValues', 'min', 'negate', 'omit', 'omitBy', 'range', 'reduce', 'repeat', 'some'];
export const LODASH_FP_METHODS = ['filter', 'flow', 'identity', 'join', 'map'];

/** The source of the stand-in for `lodash` (fp false) or `lodash/fp` (fp true). */
export function lodashStandIn(fp, wholeLibrary) {
  const folder = fp ? 'lodash/fp' : 'lodash';
  const methods = (fp ? LODASH_FP_METHODS : LODASH_METHODS).map((name) => `  ${name}: require(${JSON.stringify(`${folder}/${name}.js`)}),`).join('\n');
  return `const methods = {\n${methods}\n};
let whole;
module.exports = new Proxy(methods, {
  get(target, key) {
    if (key in target || typeof key === 'symbol' || key === '__esModule') return target[key];
    whole ??= require('node:module').createRequire(${JSON.stringify(wholeLibrary)})(${JSON.stringify(folder)});
    return whole[key];
  },
});
`;
}
