/*
 * Shell completion scripts for bash, zsh and fish, made from the list of commands: the commands,
 * each one's flags, and the workspace's issue names, which the script asks the CLI for as the
 * user types (`newsletter completion --issues`, which reads the folder names and nothing else).
 * Paths complete as the shell completes files, so that a tab-completed issue folder works too.
 */

import type { Shell } from '../commands/shells.js';

export interface CompletedFlag {
  /** The long flag, `--out`. */
  name: string;
  description: string;
  /** What its value is: a file or folder (`--out <dir>`), something else typed (`--port <n>`), or none (`--json`). */
  value: 'path' | 'other' | 'none';
  /** The values it takes, when they are a fixed list (`--format`). */
  choices?: readonly string[];
}

export interface CompletedCommand {
  name: string;
  description: string;
  flags: CompletedFlag[];
  /** The words its first argument takes, when they are a fixed list (section's `add`); empty: any. */
  words: readonly string[];
  /** Whether an argument of it is an issue. */
  takesIssue: boolean;
}

/** The flag every command takes besides its own: a folder. */
const CWD: CompletedFlag = { name: '--cwd', description: 'run in this workspace folder instead of the current one', value: 'path' };

export function completionScript(shell: Shell, commands: readonly CompletedCommand[]): string {
  if (shell === 'fish') return fishScript(commands);
  const script = bashScript(commands);
  // zsh runs the bash function through its bash completion layer, shipped with zsh itself.
  return shell === 'zsh' ? `#compdef newsletter\nautoload -U +X bashcompinit && bashcompinit\n${script}` : script;
}

function bashScript(commands: readonly CompletedCommand[]): string {
  const cases = commands.map((c) => `    ${c.name}) opts="${c.flags.map((f) => f.name).join(' ')} --help --cwd" ;;`).join('\n');
  const issueCommands = commands
    .filter((c) => c.takesIssue)
    .map((c) => c.name)
    .join('|');
  // What the word after a flag is, by command and flag: a path, one of its choices, or typed.
  const after = (c: CompletedCommand, value: CompletedFlag['value'], choices = false) =>
    c.flags.filter((f) => f.value === value && (f.choices !== undefined) === choices).map((f) => `"${c.name} ${f.name}"`);
  const pathFlags = [...commands.flatMap((c) => after(c, 'path')), `*" ${CWD.name}"`].join('|');
  const choiceCases = commands.flatMap((c) =>
    c.flags.filter((f) => f.choices).map((f) => `    "${c.name} ${f.name}") COMPREPLY=( $(compgen -W "${f.choices!.join(' ')}" -- "$cur") ); return ;;`),
  );
  const typedFlags = commands.flatMap((c) => after(c, 'other')).join('|');
  const wordCases = commands
    .filter((c) => c.words.length > 0)
    .map((c) => `      ${c.name}) COMPREPLY=( $(compgen -W "${c.words.join(' ')}" -- "$cur") ); return ;;`);
  return `# newsletter completion for bash: eval "$(newsletter completion bash)", or save it in your bash_completion.d.
_newsletter() {
  local cur="\${COMP_WORDS[COMP_CWORD]}"
  local prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local cmd="\${COMP_WORDS[1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${commands.map((c) => c.name).join(' ')} --help --version" -- "$cur") )
    return
  fi
  case "$cmd $prev" in
    ${pathFlags}) COMPREPLY=( $(compgen -f -- "$cur") ); return ;;
${choiceCases.join('\n')}
    ${typedFlags || '"none"'}) COMPREPLY=(); return ;;
  esac
  local opts=""
  case "$cmd" in
${cases}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
    return
  fi
  if [ "$COMP_CWORD" -eq 2 ]; then
    case "$cmd" in
${wordCases.join('\n') || '      none) ;;'}
    esac
  fi
  case "$cmd" in
    ${issueCommands || 'none'})
      COMPREPLY=( $(compgen -W "$(newsletter completion --issues 2>/dev/null)" -- "$cur") $(compgen -f -- "$cur") ) ;;
    *)
      COMPREPLY=( $(compgen -f -- "$cur") ) ;;
  esac
}
complete -o filenames -F _newsletter newsletter
`;
}

function fishScript(commands: readonly CompletedCommand[]): string {
  const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  // A flag's value: -r takes the next word as the value (fish then offers only what follows);
  // -F offers files there despite `complete -f`, -x (no files) offers its choices or nothing.
  const valueOf = (f: CompletedFlag) =>
    f.value === 'path' ? ' -r -F' : f.value === 'other' ? ` -x${f.choices ? ` -a ${quote(f.choices.join(' '))}` : ''}` : '';
  const lines = [
    '# newsletter completion for fish: newsletter completion fish > ~/.config/fish/completions/newsletter.fish',
    'complete -c newsletter -f',
    `complete -c newsletter -l ${CWD.name.replace(/^--/, '')}${valueOf(CWD)} -d ${quote(CWD.description)}`,
    ...commands.map((c) => `complete -c newsletter -n __fish_use_subcommand -a ${c.name} -d ${quote(c.description.slice(0, 80))}`),
    ...commands.flatMap((c) =>
      c.flags.map(
        (f) =>
          `complete -c newsletter -n '__fish_seen_subcommand_from ${c.name}' -l ${f.name.replace(/^--/, '')}${valueOf(f)} -d ${quote(f.description.slice(0, 80))}`,
      ),
    ),
    // The first argument's words, until one of them is written.
    ...commands
      .filter((c) => c.words.length > 0)
      .map(
        (c) =>
          `complete -c newsletter -n '__fish_seen_subcommand_from ${c.name}; and not __fish_seen_subcommand_from ${c.words.join(' ')}' -a ${quote(c.words.join(' '))}`,
      ),
  ];
  // Issue names and files; where the first argument is a word of a list, only once it is written.
  const issues = (condition: string) => `complete -c newsletter -n '${condition}' -a '(newsletter completion --issues 2>/dev/null)' -F`;
  const issueCommands = commands
    .filter((c) => c.takesIssue && c.words.length === 0)
    .map((c) => c.name)
    .join(' ');
  if (issueCommands) lines.push(issues(`__fish_seen_subcommand_from ${issueCommands}`));
  for (const c of commands.filter((c) => c.takesIssue && c.words.length > 0))
    lines.push(issues(`__fish_seen_subcommand_from ${c.name}; and __fish_seen_subcommand_from ${c.words.join(' ')}`));
  return `${lines.join('\n')}\n`;
}
