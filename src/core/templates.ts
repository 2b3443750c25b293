import Handlebars from 'handlebars';
import { CliError } from '../errors.js';
import { htmlNestingOver } from './markdown/html-read.js';
import { LIMITS } from './limits.js';

/** The shells a workspace may override, file by file, in its own templates/ folder. */
export const TEMPLATE_NAMES = ['blog-post.md.hbs', 'email.mjml.hbs', 'email.txt.hbs'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export interface TemplateSource {
  name: TemplateName;
  /** Where it was read from, for messages. */
  path: string;
  text: string;
}

export type Template = (view: object) => string;

/** Whether a template is the workspace's own (templates/...), which a pull request may change, rather than the built-in one. */
export function isWorkspaceTemplate(source: TemplateSource | undefined): boolean {
  return source?.path.startsWith('templates/') ?? false;
}

/**
 * Compiles a template shell. Only the shells are ever compiled: fragment content reaches them as
 * data, so `{{...}}` written in a fragment stays literal text. Each compile gets its own
 * Handlebars environment, and prototype access stays off (Handlebars' default since 4.6).
 */
export function compileTemplate(source: TemplateSource): Template {
  // Only the MJML shell is markup; the Markdown and text shells must not HTML-escape.
  const noEscape = !source.name.endsWith('.mjml.hbs');
  const key = `${noEscape ? 'text' : 'markup'}\n${source.text}`;
  let render = compiled.get(key);
  if (!render) {
    try {
      render = templateEnvironment().compile(source.text, { strict: true, noEscape });
    } catch (error) {
      throw templateError(source, error);
    }
    compiled.set(key, render);
  }
  const template = render;
  // A workspace's markup is pull-request input, and its loops can nest without end what MJML and the preview read by recursion.
  const bounded = isWorkspaceTemplate(source) && source.name !== 'email.txt.hbs';
  return (view) => {
    let made: string;
    try {
      made = template(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
    } catch (error) {
      // Handlebars compiles on first use, so syntax errors surface here too.
      throw templateError(source, error);
    }
    if (bounded && htmlNestingOver(made, LIMITS.templateNesting)) {
      throw new CliError(
        `template ${source.name} cannot be used: what it makes of this issue nests HTML elements more than ${LIMITS.templateNesting} levels deep.`,
        {
          file: source.path,
          kind: 'usage',
          hint: `Close the elements it opens, or delete ${source.path} to use the built-in one.`,
        },
      );
    }
    return made;
  };
}

/**
 * Compiled shells by their text (and kind, which decides escaping): the built-in ones are
 * compiled once, and the startup snapshot carries them compiled.
 */
const compiled = new Map<string, HandlebarsTemplateDelegate>();

/**
 * A Handlebars of our own for each shell. Its `log` helper would write to standard output,
 * which `build --json` keeps for its JSON alone: here it writes nothing.
 */
function templateEnvironment(): typeof Handlebars {
  const env = Handlebars.create();
  env.registerHelper('log', () => '');
  env.log = () => undefined;
  return env;
}

function templateError(source: TemplateSource, error: unknown): CliError {
  const message = error instanceof Error ? error.message : String(error);
  const line = /line (\d+)/i.exec(message)?.[1];
  const first = message.split('\n').find((l) => l.trim() !== '') ?? message;
  return new CliError(`template ${source.name} cannot be used: ${first.trim()}`, {
    file: source.path,
    line: line ? Number(line) : undefined,
    kind: 'usage',
    hint: `Fix the template, or delete ${source.path} to use the built-in one.`,
  });
}
