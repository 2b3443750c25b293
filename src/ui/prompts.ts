import type { PromptQuestion, Prompter } from '../context.js';
import { printable } from '../core/text.js';
import { CliError } from '../errors.js';

/**
 * The real prompts, loaded only when a person is there to answer them. A question's words, its
 * choices and its default can come from content (the site's latest author, config's headings):
 * they show as printable shows them, and a default taken as shown is taken as it was.
 */
export const terminalPrompter: Prompter = async (question: PromptQuestion) => {
  const { checkbox, input } = await import('@inquirer/prompts');
  try {
    if (question.choices) {
      return await checkbox({ message: printable(question.message), choices: question.choices.map((choice) => ({ ...choice, name: printable(choice.name) })) });
    }
    const shown = question.default === undefined ? undefined : printable(question.default);
    const meant = (value: string) => (shown !== undefined && value === shown ? question.default! : value);
    const validate = question.validate;
    const answer = await input({
      message: printable(question.message),
      default: shown,
      validate: validate
        ? (value: string) => {
            const valid = validate(meant(value));
            return valid === true ? true : printable(valid);
          }
        : undefined,
    });
    return meant(answer);
  } catch (error) {
    // Ctrl-C or a closed terminal: the person chose to stop; nothing has been written yet.
    if (error instanceof Error && error.name === 'ExitPromptError') {
      throw new CliError('cancelled; nothing was written.', { kind: 'cancelled' });
    }
    throw error;
  }
};
