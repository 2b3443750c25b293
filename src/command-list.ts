// Made by scripts/command-list.mjs (npm run compile) from src/commands/ and src/ui/: do not edit.
/*
 * Every command of the CLI, each with its printer, in the order --help lists them: cli.ts makes
 * commander's commands from it, and the bin's sh, the snapshot's build, completion and the docs
 * read it. A command's module is small (its declaration); its work and its printer load when it runs.
 */
import buildCommand from './commands/build.js';
import completionCommand from './commands/completion.js';
import eventsCommand from './commands/events.js';
import importCommand from './commands/import.js';
import initCommand from './commands/init.js';
import lintCommand from './commands/lint.js';
import newCommand from './commands/new.js';
import previewCommand from './commands/preview.js';
import publishCommand from './commands/publish.js';
import screenshotCommand from './commands/screenshot.js';
import sectionCommand from './commands/section.js';
import sendCommand from './commands/send.js';
import statusCommand from './commands/status.js';
import { listed, type ListedCommand } from './commands/spec.js';

export const COMMAND_LIST: readonly ListedCommand[] = [
  listed(buildCommand, () => import('./ui/print-build.js')),
  listed(completionCommand, () => import('./ui/print-completion.js')),
  listed(eventsCommand, () => import('./ui/print-events.js')),
  listed(importCommand, () => import('./ui/print-import.js')),
  listed(initCommand, () => import('./ui/print-init.js')),
  listed(lintCommand, () => import('./ui/print-lint.js')),
  listed(newCommand, () => import('./ui/print-new.js')),
  listed(previewCommand, () => import('./ui/print-preview.js')),
  listed(publishCommand, () => import('./ui/print-publish.js')),
  listed(screenshotCommand, () => import('./ui/print-screenshot.js')),
  listed(sectionCommand, () => import('./ui/print-section.js')),
  listed(sendCommand, () => import('./ui/print-send.js')),
  listed(statusCommand, () => import('./ui/print-status.js')),
].sort((a, b) => a.command.order - b.command.order);

export const COMMANDS = COMMAND_LIST.map((entry) => entry.command);
