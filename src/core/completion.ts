/*
 * Shell completion scripts for bash, zsh and fish, made from the command table: the commands,
 * each one's flags, and the workspace's issue names, which the script asks the CLI for as the
 * user types (`newsletter completion --issues`, which reads the folder names and nothing else).
 * Paths complete as the shell completes files, so that a tab-completed issue folder works too.
 */

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

export interface CompletedCommand {
  name: string;
  description: string;
  /** Long flags (--blog), each with what it does. */
  flags: { name: string; description: string }[];
  /** Whether an argument of it is an issue. */
  takesIssue: boolean;
}

export function completionScript(shell: Shell, commands: readonly CompletedCommand[]): string {
  if (shell === 'fish') return fishScript(commands);
  const script = bashScript(commands);
  // zsh runs the bash function through its bash completion layer, shipped with zsh itself.
  return shell === 'zsh' ? `#compdef newsletter\nautoload -U +X bashcompinit && bashcompinit\n${script}` : script;
}

function bashScript(commands: readonly CompletedCommand[]): string {
  const cases = commands.map((c) => `    ${c.name}) opts="${c.flags.map((f) => f.name).join(' ')} --help --cwd" ;;`).join('\n');
  const issueCommands = commands.filter((c) => c.takesIssue).map((c) => c.name).join('|');
  return `# newsletter completion for bash: eval "$(newsletter completion bash)", or save it in your bash_completion.d.
_newsletter() {
  local cur="\${COMP_WORDS[COMP_CWORD]}"
  local cmd="\${COMP_WORDS[1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${commands.map((c) => c.name).join(' ')} --help --version" -- "$cur") )
    return
  fi
  local opts=""
  case "$cmd" in
${cases}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
    return
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
  const lines = [
    '# newsletter completion for fish: newsletter completion fish > ~/.config/fish/completions/newsletter.fish',
    'complete -c newsletter -f',
    ...commands.map((c) => `complete -c newsletter -n __fish_use_subcommand -a ${c.name} -d ${quote(c.description.slice(0, 80))}`),
    ...commands.flatMap((c) => c.flags.map((f) => `complete -c newsletter -n '__fish_seen_subcommand_from ${c.name}' -l ${f.name.replace(/^--/, '')} -d ${quote(f.description.slice(0, 80))}`)),
  ];
  const issueCommands = commands.filter((c) => c.takesIssue).map((c) => c.name).join(' ');
  if (issueCommands) lines.push(`complete -c newsletter -n '__fish_seen_subcommand_from ${issueCommands}' -a '(newsletter completion --issues 2>/dev/null)' -F`);
  return `${lines.join('\n')}\n`;
}
