/**
 * What a command may touch of the outside world. The bin passes the real process; tests pass
 * a small fake (a temp folder, captured output, answers to prompts by name, a fixed clock).
 */
export interface Context {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: Writer;
  stderr: Writer;
  /** Whether a person is there to answer prompts. */
  interactive: boolean;
  /** Colour only on a TTY and never with NO_COLOR. */
  color: boolean;
  now: () => Date;
  prompt: Prompter;
  /**
   * Calls `listener` on the first Ctrl-C (SIGINT) from now on, for a command that runs until
   * stopped to end cleanly; returns what stops listening. The bin ends the process at a second one.
   */
  onInterrupt(listener: () => void): () => void;
  /**
   * How long the network is waited for: an SMTP server's each reply, a link's answer. Left out,
   * the commands' own (8 s and 10 s); tests give milliseconds, so that none waits out a real timeout.
   */
  waits?: { smtpStepMs?: number; linkMs?: number };
}

export interface Writer {
  write(text: string): void;
}

export interface PromptQuestion {
  name: string;
  message: string;
  default?: string;
  choices?: { value: string; name: string; checked: boolean }[];
  validate?: (value: string) => true | string;
}

/** Asks one question; returns a string, or the chosen values for a question with choices. */
export type Prompter = (question: PromptQuestion) => Promise<string | string[]>;
