import type { InitResult } from '../actions/init.js';
import { arg, defineCommand, flag } from './spec.js';

/*
 * init: makes a folder a newsletter workspace, a content repository that installs this CLI.
 * Its words, arguments and flags (from which cli.ts makes commander's command and --help, and
 * the docs their synopsis), and a run that loads its work on first use and returns what
 * ui/print-init.ts prints.
 */

export default defineCommand({
  order: 5,
  name: 'init',
  description: 'make a folder a newsletter workspace: config, sections/ with a guide for writers, the CI workflow, a package.json that installs this CLI',
  args: [arg('[dir]', 'the folder (default: the current one); made when missing')],
  flags: [flag('--site <dir>', "a checkout of the site: the config takes its latest newsletter post's conventions")],
  examples: `
Examples:
  $ newsletter init newsletter-content
  $ newsletter init --site ../osf-website     # in the current folder, with the site's conventions`,
  fromSnapshot: false,
  async run(ctx, { args, flags, cwd }): Promise<InitResult> {
    const { initWorkspace } = await import('../actions/init.js');
    return initWorkspace({ ...ctx, cwd }, { dir: args[0], ...flags });
  },
});
