import type { CommandSpec } from '../commands/spec.js';

/*
 * The docs' lists of commands, made from the commands' own declarations (npm run docs writes
 * them; test/unit/docs.test.ts fails when the docs lag): the README's table, a line each, and
 * the synopsis that heads each command's entry in docs/commands.md.
 */

const COMMAND_TABLE_START = '<!-- command table: made by npm run docs from src/commands/ -->';

/** The README with its list of commands made again from the commands, between its marker and the next blank line. */
export function withCommandTable(readme: string, commands: readonly CommandSpec[]): string {
  const start = readme.indexOf(COMMAND_TABLE_START);
  if (start === -1) throw new Error('the README has no command table marker');
  const end = readme.indexOf('\n\n', start);
  const rows = commands.map(
    (spec) =>
      `| \`newsletter ${spec.name}${spec.args.map(({ syntax }) => ` ${syntax}`).join('')}\` | ${spec.description.replace(/</g, '&lt;').replace(/>/g, '&gt;')} |`,
  );
  return `${readme.slice(0, start + COMMAND_TABLE_START.length)}\n| command | what it does |\n|---|---|\n${rows.join('\n')}${readme.slice(end)}`;
}

/** A command's synopsis: `newsletter build [issue] [--blog] [--out <dir>] [--format stylish|json|github]`. */
export function synopsis(spec: CommandSpec): string {
  const args = spec.args.map(({ syntax, words }) => {
    if (!words) return syntax;
    // A fixed list of words (section's add, completion's shells) is shown as the words.
    return syntax.startsWith('<') && words.length === 1 ? words[0]! : `${syntax[0]}${words.join('|')}${syntax.at(-1)}`;
  });
  const flags = spec.flags.map((flag) => {
    const long = /--[a-z][a-z-]*/.exec(flag.flags)![0];
    const value = /<[^>]+>/.exec(flag.flags)?.[0];
    // An optional value (`--branch [name]`) is shown as one: [--branch [<name>]].
    const optional = /\[([^\]]+)\]/.exec(flag.flags)?.[1];
    return `[${long}${value ? ` ${flag.choices ? flag.choices.join('|') : value}` : optional ? ` [<${optional}>]` : ''}]`;
  });
  return ['newsletter', spec.name, ...args, ...flags].join(' ');
}

const SYNOPSIS = /^- `newsletter ([a-z-]+)[^`\n]*`/gm;

/** docs/commands.md with each command's entry headed by its synopsis; every command must have an entry. */
export function withSynopses(doc: string, commands: readonly CommandSpec[]): string {
  const seen = new Set<string>();
  const text = doc.replace(SYNOPSIS, (line, name: string) => {
    const spec = commands.find((command) => command.name === name);
    if (!spec) return line;
    seen.add(name);
    return `- \`${synopsis(spec)}\``;
  });
  const missing = commands.filter((command) => !seen.has(command.name)).map((command) => command.name);
  if (missing.length > 0) throw new Error(`docs/commands.md has no entry for ${missing.join(', ')} (a line starting: - \`newsletter <command>)`);
  return text;
}
