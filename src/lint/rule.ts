import type { Config } from '../core/config/config.js';
import type { Issue } from '../core/issue/issue.js';
import type { CompatCheck } from '../core/email/email-compat.js';
import type { ImageFile } from '../core/images/images.js';
import type { TemplateSource } from '../core/templates.js';
import type { RefusedPiece } from '../core/markdown/raw-html.js';
import type { LinkStatus } from '../core/markdown/urls.js';
import type { WordList } from '../core/spelling/spelling.js';
import type { SiteModel } from '../core/site/site.js';
import type { Severity } from '../core/diagnostic.js';
import type { LintDoc, RenderedEmail, Report, RuleExample } from './types.js';

/*
 * A rule declares itself, as an ESLint rule's `meta` does: its id, what it catches, its default
 * severity, its options with their defaults, its examples, and what it needs beyond the issue.
 * The pipeline builds one LintContext per issue; each rule is given that context narrowed to
 * what it declared, so a rule that needs the site reads a site that is there, and the runner
 * skips a rule whose needs are absent (no checkout, offline, a command that makes no email).
 */

/** What lint may read beyond the issue and config, each present only when a command provides it. */
export interface Capabilities {
  /** The issue before this one in the workspace. */
  previous: Issue;
  /** The email rendered in memory (MJML, compiled HTML, MJML's errors); absent for a command that makes no email. */
  email: () => Promise<RenderedEmail>;
  /** What a checkout of the site knows (its CMS fields, authors, categories, posts, events). */
  site: SiteModel;
  /**
   * A file of the site checkout (relative to it, as siteImageFile gives): the image, or null
   * when the checkout lacks it. Present when a checkout is known (lint --site, config siteRepo).
   */
  siteImage: (file: string) => Promise<ImageFile | null>;
  /** Checks HTML or CSS against mail clients (caniemail). */
  compat: CompatCheck;
  /** The English dictionary (spelling). */
  dictionary: () => WordList;
  /** With `lint --online`: what each URL answers, checked all at once. */
  checkLinks: (urls: string[]) => Promise<ReadonlyMap<string, LinkStatus>>;
}

export type Need = keyof Capabilities;

/** Everything a rule may read of one issue, built once by the pipeline (openIssuePipeline). */
export interface LintContext extends Partial<Capabilities> {
  issue: Issue;
  config: Config;
  /** The email template the issue is rendered with (the workspace's own, or the built-in), when it was read. */
  emailTemplate?: TemplateSource;
  /** The blog post template, when it was read, and what the workspace's own put in the post that no post may hold. */
  blogTemplate?: TemplateSource;
  refusedInBlog?: () => RefusedPiece[];
}

/** An option a rule takes in config (`rules: { id: [severity, { option: value }] }`): a list of words (hosts, names, section ids), a whole number (a limit) or one of a few words. */
export type RuleOption =
  | { type: 'string[]'; default: readonly string[]; description: string }
  | { type: 'count'; default: number; description: string }
  | { type: 'choice'; values: readonly string[]; default: string | undefined; description: string };

/** An option's value as a rule reads it: config's, or the default. */
export type OptionValue<O extends RuleOption> = O extends { type: 'string[]' }
  ? readonly string[]
  : O extends { type: 'count' }
    ? number
    : O extends { type: 'choice'; values: readonly (infer V)[]; default: infer D }
      ? V | D
      : never;

export type OptionValues<O extends Record<string, RuleOption>> = { readonly [K in keyof O]: OptionValue<O[K]> };

/** What a rule reports: its message written out, or the id of one of its `messages`, its {{placeholders}} filled from `data`. */
export type RuleReport<M extends string = string> = Omit<Report, 'message'> & ({ message: string } | { messageId: M; data?: Record<string, string | number> });

/** What one rule is given: the issue's context, with what it needs present and what it uses possibly so, its options and `report`. */
export type RuleContext<
  N extends Need = never,
  U extends Need = never,
  O extends Record<string, RuleOption> = Record<never, RuleOption>,
  M extends string = never,
> = Omit<LintContext, Need> &
  Pick<Capabilities, N> &
  Partial<Pick<Capabilities, U>> & {
    /** The issue's Markdown bodies and the front matter values readers see, each where its writer wrote it. */
    docs: LintDoc[];
    options: OptionValues<O>;
    report(report: RuleReport<M>): void;
  };

export interface RuleMeta<N extends Need, U extends Need, O extends Record<string, RuleOption>, M extends string> {
  id: string;
  defaultSeverity: Severity;
  description: string;
  /** What the rule cannot run without: without any of them it is skipped, and says nothing. */
  needs?: readonly N[];
  /** What the rule reads when it is there (the site's images for the image checks), and does without. */
  uses?: readonly U[];
  /** The options config may give it; config naming any other, or of another type, is refused. */
  options?: O;
  /** Examples double as tests: every `notOk` must fire the rule and every `ok` must not. */
  examples: { ok: RuleExample[]; notOk: RuleExample[] };
  /** Whether some of its reports carry a fix that `lint --fix` applies. */
  fixable?: boolean;
  /** Messages the rule reports from more than one place, by id, with {{placeholders}}. */
  messages?: Record<M, string>;
}

export interface RuleSpec<N extends Need, U extends Need, O extends Record<string, RuleOption>, M extends string> extends RuleMeta<N, U, O, M> {
  check(context: RuleContext<N, U, O, M>): void | Promise<void>;
}

/** A rule as the registry holds it, its context's type erased (the runner gives it what it declared). */
export interface Rule extends RuleMeta<Need, Need, Record<string, RuleOption>, string> {
  check(context: RuleContext<Need, Need, Record<string, RuleOption>, string>): void | Promise<void>;
}

/** A rule, its context typed from what it declares (`needs`, `uses`, `options`, `messages`). */
export function defineRule<
  const N extends Need = never,
  const U extends Need = never,
  const O extends Record<string, RuleOption> = Record<never, RuleOption>,
  M extends string = never,
>(spec: RuleSpec<N, U, O, M>): Rule {
  // The one cast of the registry: the runner gives each rule only a context that meets its needs (lint/run.ts).
  return spec as unknown as Rule;
}

/** A report with its message written out: the rule's message of its id, placeholders filled. */
export function reportOf(rule: Rule, report: RuleReport): Report {
  if ('message' in report) return report;
  const { messageId, data, ...rest } = report;
  const template = rule.messages?.[messageId];
  if (template === undefined) throw new Error(`${rule.id} reports the message id "${messageId}", which it does not declare`);
  return { ...rest, message: template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(data?.[name] ?? `{{${name}}}`)) };
}

/** Whether a value is one an option of this type takes. */
export function isOptionValue(option: RuleOption, value: unknown): boolean {
  switch (option.type) {
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'count':
      return Number.isInteger(value) && (value as number) >= 0;
    case 'choice':
      return typeof value === 'string' && option.values.includes(value);
  }
}

/** A rule's options as config gives them, each left out or of the wrong type taking its default. */
export function ruleOptions(rule: Rule, config: Config): OptionValues<Record<string, RuleOption>> {
  const given = config.rules[rule.id]?.options ?? {};
  const options: Record<string, unknown> = {};
  for (const [name, option] of Object.entries(rule.options ?? {})) {
    options[name] = Object.hasOwn(given, name) && isOptionValue(option, given[name]) ? given[name] : option.default;
  }
  return options as OptionValues<Record<string, RuleOption>>;
}
