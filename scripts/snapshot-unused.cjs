// Stands in, in the snapshot bundle, for modules that MJML's dependencies load but never call
// when rendering here: URL fetching (undici), byte decoding, resource inlining, beautifying,
// config file search. Calling one is a bug, and says so.
const unused = (key) => () => {
  throw new Error(`newsletter's snapshot does not include this module (${String(key)})`);
};
module.exports = new Proxy(unused('call'), {
  get(target, key) {
    if (key === '__esModule') return false;
    if (key === 'default') return target;
    return unused(key);
  },
});
