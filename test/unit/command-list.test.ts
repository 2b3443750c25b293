import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { commandListSource } from '../../scripts/command-list.mjs';
import { COMMANDS } from '../../src/command-list.js';
import type lint from '../../src/commands/lint.js';
import type send from '../../src/commands/send.js';
import type section from '../../src/commands/section.js';
import { arg, defineCommand, flag, parsePort, type FlagValues } from '../../src/commands/spec.js';
import { REPO } from '../helpers/workspace.js';

describe('the list of commands', () => {
  it('is every module of src/commands/ that declares a command, with its printer (npm run compile writes it)', () => {
    expect(readFileSync(join(REPO, 'src', 'command-list.ts'), 'utf8')).toBe(commandListSource(join(REPO, 'src')));
  });

  it('gives each command its own name and its own place in --help', () => {
    expect(new Set(COMMANDS.map((command) => command.name)).size).toBe(COMMANDS.length);
    expect(new Set(COMMANDS.map((command) => command.order)).size).toBe(COMMANDS.length);
  });
});

describe("a command's declaration", () => {
  it('gives its run the types its flags and arguments declare, written once', () => {
    type RunOf<C> = C extends { run(ctx: never, call: infer Call): unknown } ? Call : never;
    expectTypeOf<RunOf<typeof lint>['flags']['maxWarnings']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<RunOf<typeof lint>['flags']['format']>().toEqualTypeOf<'stylish' | 'json' | 'github'>();
    expectTypeOf<RunOf<typeof lint>['flags']['cache']>().toEqualTypeOf<boolean>();
    expectTypeOf<RunOf<typeof lint>['args']>().toEqualTypeOf<readonly [string[]]>();
    expectTypeOf<RunOf<typeof send>['flags']['to']>().toEqualTypeOf<string[]>();
    expectTypeOf<RunOf<typeof send>['flags']['dryRun']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<RunOf<typeof section>['args']>().toEqualTypeOf<readonly [string, string, string | undefined]>();
    const flags = [flag('--port <n>', 'the port', { parse: parsePort, default: 4400 }), flag('--out <dir>', 'where')] as const;
    expectTypeOf<FlagValues<typeof flags>>().toEqualTypeOf<{ out?: string } & { port: number }>();
  });

  it('is what it declares, unchanged', () => {
    const command = defineCommand({
      order: 1,
      name: 'x',
      description: 'x',
      args: [arg('[issue]', 'which')],
      flags: [flag('--json', 'as JSON')],
      examples: '',
      fromSnapshot: false,
      async run(_ctx, { args, flags }) {
        return `${args[0] ?? ''}${flags.json ? ' json' : ''}`;
      },
    });
    expect(command.flags).toEqual([{ flags: '--json', description: 'as JSON' }]);
    expect(command.args).toEqual([{ syntax: '[issue]', description: 'which' }]);
  });
});
