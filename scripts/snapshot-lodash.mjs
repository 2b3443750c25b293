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
  // The functions are the object's own properties, read as fast as any; only a name that is
  // not one of them reaches the prototype, a Proxy that reads it from the whole library.
  return `let whole;
const rest = new Proxy({}, {
  get(target, key) {
    if (typeof key === 'symbol' || key === '__esModule') return undefined;
    whole ??= require('node:module').createRequire(${JSON.stringify(wholeLibrary)})(${JSON.stringify(folder)});
    return whole[key];
  },
});
module.exports = Object.setPrototypeOf({\n${methods}\n}, rest);
`;
}
