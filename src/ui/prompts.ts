import type { PromptQuestion, Prompter } from '../context.js';

/** The real prompts, loaded only when a person is there to answer them. */
export const terminalPrompter: Prompter = async (question: PromptQuestion) => {
  const { checkbox, input } = await import('@inquirer/prompts');
  if (question.choices) {
    return checkbox({ message: question.message, choices: question.choices });
  }
  return input({
    message: question.message,
    default: question.default,
    validate: question.validate ? (value: string) => question.validate!(value) : undefined,
  });
};
