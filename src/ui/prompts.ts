import type { PromptQuestion, Prompter } from '../context.js';
import { CliError } from '../errors.js';

/** The real prompts, loaded only when a person is there to answer them. */
export const terminalPrompter: Prompter = async (question: PromptQuestion) => {
  const { checkbox, input } = await import('@inquirer/prompts');
  try {
    if (question.choices) {
      return await checkbox({ message: question.message, choices: question.choices });
    }
    return await input({
      message: question.message,
      default: question.default,
      validate: question.validate ? (value: string) => question.validate!(value) : undefined,
    });
  } catch (error) {
    // Ctrl-C or a closed terminal: the person chose to stop; nothing has been written yet.
    if (error instanceof Error && error.name === 'ExitPromptError') {
      throw new CliError('cancelled; nothing was written.', { kind: 'cancelled' });
    }
    throw error;
  }
};
