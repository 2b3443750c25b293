// cmd-shim ships no types; the tests use its one function, as npm does.
declare module 'cmd-shim' {
  /** Writes `to.cmd`, `to.ps1` and `to` (sh), the shims that start the program `from` names. */
  export default function cmdShim(from: string, to: string): Promise<void>;
}
