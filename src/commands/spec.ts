import { InvalidArgumentError } from 'commander';
import type { Context, Writer } from '../context.js';

/*
 * How a command declares itself: its words, arguments and flags written once, in commander's
 * syntax, from which the types of what its `run` receives are read (`--max-warnings <n>` with a
 * number parser is `maxWarnings?: number`, `--no-cache` is `cache: boolean`, `[issues...]` is a
 * string[]), so that no flag's type is written twice and nothing is cast. cli.ts makes
 * commander's commands from the same declaration, so the two cannot differ.
 */

/** How a command went: `done` (exit 0), `problems` found in the content (1), or `failed` as a usage error (2). */
export type Outcome = 'done' | 'problems' | 'failed';

export interface FlagSpec {
  flags: string;
  description: string;
  /**
   * Reads the flag's value (a whole number, a port...); for a repeatable one, takes the list so
   * far. Method syntax: a parser of its own type is one of the list's.
   */
  parse?(value: string, previous: unknown): unknown;
  default?: unknown;
  choices?: readonly string[];
}

export interface ArgSpec<Syntax extends string = string> {
  /** commander's syntax: `<issue>`, `[issue]`, `<posts...>`. */
  syntax: Syntax;
  description: string;
  /** The words it takes, when they are a fixed list (for completion). */
  words?: readonly string[];
}

/** A flag: `flag('--port <n>', 'the port', { parse: parsePort, default: 4400 })`. */
export function flag<const Flags extends string, const More extends Omit<FlagSpec, 'flags' | 'description'> = {}>(
  flags: Flags,
  description: string,
  more?: More,
): { flags: Flags; description: string } & More {
  return Object.assign({ flags, description }, more);
}

/** An argument: `arg('[issue]', 'the issue (default: the latest)')`. */
export function arg<const Syntax extends string>(syntax: Syntax, description: string, words?: readonly string[]): ArgSpec<Syntax> {
  return words ? { syntax, description, words } : { syntax, description };
}

type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;
type LongFlag<Flags extends string> = Flags extends `${string}--${infer Rest}` ? (Rest extends `${infer Name} ${string}` ? Name : Rest) : never;
/** The key commander gives a flag: `--dry-run` is dryRun, `--no-cache` is cache. */
type FlagKey<Flags extends string> = LongFlag<Flags> extends `no-${infer Name}` ? Camel<Name> : Camel<LongFlag<Flags>>;
/** What a flag holds: what its parser returns, one of its choices, its text, or true when it takes no value. */
type ValueOf<F extends FlagSpec> = F extends { parse: (...params: never[]) => infer Value }
  ? Value
  : F extends { choices: readonly (infer Choice)[] }
    ? Choice
    : F['flags'] extends `${string}<${string}>`
      ? string
      : // An optional value (`--branch [name]`): the value given, or true when the flag stands alone.
        F['flags'] extends `${string}[${string}]`
        ? string | true
        : boolean;
/** Whether a flag may be missing from the options: not when it has a default or is a `--no-` one. */
type Optional<F extends FlagSpec> = LongFlag<F['flags']> extends `no-${string}` ? false : F extends { default: unknown } ? false : true;

/** The options a command's flags give its run (any command's, for the list that holds them all). */
export type FlagValues<Flags extends readonly FlagSpec[]> = string extends Flags[number]['flags']
  ? Record<string, unknown>
  : {
      [F in Flags[number] as Optional<F> extends true ? FlagKey<F['flags']> : never]?: ValueOf<F>;
    } & {
      [F in Flags[number] as Optional<F> extends true ? never : FlagKey<F['flags']>]: ValueOf<F>;
    };

type ArgValue<Syntax extends string> = Syntax extends `${string}...${string}` ? string[] : Syntax extends `<${string}` ? string : string | undefined;

/** The arguments a command's run receives, in order (an optional one undefined, a variadic one a list). */
export type ArgValues<Args extends readonly ArgSpec[]> = number extends Args['length']
  ? readonly unknown[]
  : { [I in keyof Args]: Args[I] extends ArgSpec<infer Syntax> ? ArgValue<Syntax> : never };

export interface CommandCall<Flags, Args> {
  args: Args;
  /**
   * Where a command says something beside its result (which issue it took when none was named):
   * shown on stderr once the command has run, never before an error, which stays one line.
   */
  note: Writer;
  flags: Flags;
  /** The workspace folder: --cwd, else the current one. */
  cwd: string;
  debug: boolean;
  /** Every command's declaration, for the one command about the commands (completion). */
  commands: readonly CommandSpec[];
}

export interface CommandSpec<Flags extends readonly FlagSpec[] = readonly FlagSpec[], Args extends readonly ArgSpec[] = readonly ArgSpec[], Data = unknown> {
  name: string;
  /** Where it shows in the list of commands (--help, completion, the README): lower first. */
  order: number;
  description: string;
  args: Args;
  flags: Flags;
  /** The --help text after the options. */
  examples: string;
  /** Started from the startup snapshot: the commands that render emails, and so load MJML, at every run. */
  fromSnapshot: boolean;
  // Method syntax, here and below: a command's own run is one of the list's, whatever its flags.
  /** Does the work (loading what it needs on first use) and returns what ui/print-<name>.ts prints. */
  run(ctx: Context, call: CommandCall<FlagValues<Flags>, ArgValues<Args>>): Promise<Data>;
  /** How it went, from what it returned (default: done); cli.ts alone makes it an exit code. */
  outcome?(data: Data, flags: FlagValues<Flags>): Outcome;
  /** For a command that runs until stopped (a server): what ends it, once its start is printed. */
  until?(data: Data): Promise<void>;
}

/** The printer of a command's result: ui/print-<name>.ts exports it as `print`. */
export type Printer<Command> =
  Command extends CommandSpec<infer Flags, infer Args, infer Data>
    ? (ctx: Context, data: Data, call: CommandCall<FlagValues<Flags>, ArgValues<Args>>) => void | Promise<void>
    : never;

/** A command, its flags' and arguments' types read from their declaration. */
export function defineCommand<const Flags extends readonly FlagSpec[], const Args extends readonly ArgSpec[], Data>(
  spec: CommandSpec<Flags, Args, Data>,
): CommandSpec<Flags, Args, Data> {
  return spec;
}

/** Any command's printer, as the list holds them (method syntax: a printer of its own data is one). */
export interface AnyPrinter {
  print(ctx: Context, data: unknown, call: CommandCall<Record<string, unknown>, readonly unknown[]>): void | Promise<void>;
}

/** A command of the list, with the printer of what it returns, loaded when it has run. */
export interface ListedCommand {
  command: CommandSpec;
  printer(): Promise<AnyPrinter>;
}

/** Pairs a command with its printer, whose types must fit what the command returns. */
export function listed<Command extends CommandSpec>(command: Command, printer: () => Promise<{ print: Printer<Command> }>): ListedCommand {
  return { command, printer };
}

export function parsePort(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError('expected a port from 0 to 65535 (0: any free one).');
  return Number(value);
}

export function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number, such as 0.');
  return Number(value);
}

/** The argument most commands take: which issue (by default the one of the folder, else the latest). */
export function issueArg(description = 'the issue (default: the latest)'): ArgSpec<'[issue]'> {
  return arg('[issue]', description);
}
