import { packagePath } from '../paths.js';
import { EMAIL_WARN_BYTES } from '../core/email/render-email.js';
import { LIMITS } from '../core/limits.js';
import type { RefusedPiece } from '../core/markdown/raw-html.js';

export interface MjmlProblem {
  line: number;
  message: string;
  tagName: string;
}

export interface MjmlResult {
  html: string;
  errors: MjmlProblem[];
  minified: boolean;
  /** The MJML's size in bytes when it was too large to compile (see LIMITS.mjmlBytes); html is then empty. */
  notCompiled?: number;
  /** What a workspace's own template put in the email that no email may hold: left out of html. */
  refused?: RefusedPiece[];
}

type Mjml2Html = (mjml: string, options: Record<string, unknown>) => Promise<{ html: string; errors: MjmlProblem[] }>;

let loading: Promise<Mjml2Html> | undefined;

/**
 * MJML costs about half a second to import, so only the paths that render an email load it,
 * once. mjml-core reads a `.mjmlconfig` from the current folder when it is imported, which
 * would let a stray file in a user's workspace register components: import it from here.
 */
function loadMjml(): Promise<Mjml2Html> {
  loading ??= (async () => {
    const previous = (() => {
      try {
        return process.cwd();
      } catch {
        return undefined; // a deleted folder: there is nothing to go back to
      }
    })();
    // templates/ is the CLI's own folder: no .mjmlconfig can be planted there by a workspace.
    process.chdir(packagePath('templates'));
    try {
      const module = (await import('mjml')) as unknown as { default: Mjml2Html };
      return module.default;
    } finally {
      if (previous !== undefined) process.chdir(previous);
    }
  })();
  return loading;
}

/**
 * Compiles MJML to HTML without includes, config files or web fonts it was not given. An
 * email that comes near Gmail's clip is minified for sending even when not asked to be.
 */
export async function compileMjml(mjml: string, options: { minify?: boolean } = {}): Promise<MjmlResult> {
  // An email this large can never be sent whole; compiling it would only cost seconds.
  const size = Buffer.byteLength(mjml);
  if (size > LIMITS.mjmlBytes) return { html: '', errors: [], minified: false, notCompiled: size };
  const mjml2html = await loadMjml();
  const compile = (minify: boolean) => {
    if (minify) pinBrowserslist();
    return mjml2html(mjml, {
      validationLevel: 'soft',
      keepComments: false,
      ignoreIncludes: true,
      useMjmlConfigOptions: false,
      fonts: {},
      minify,
      // htmlnano would otherwise load .htmlnanorc or htmlnano.config.js (code) from the folder.
      minifyOptions: { skipConfigLoading: true },
    });
  };
  let minified = options.minify ?? false;
  let result = await compile(minified);
  if (!minified && Buffer.byteLength(result.html) > EMAIL_WARN_BYTES) {
    result = await compile(true);
    minified = true;
  }
  return {
    html: result.html,
    errors: result.errors.map((e) => ({ line: e.line, message: e.message, tagName: e.tagName })),
    minified,
  };
}

/**
 * The minifier (cssnano, through htmlnano) asks browserslist which browsers to target, and
 * browserslist reads the answer from the current folder (.browserslistrc, package.json), from
 * BROWSERSLIST_* variables, and from packages those name: workspace input that could run code
 * or crash the CLI. An email's CSS targets mail clients, not a project's browsers: the query is
 * fixed, set before cssnano is first loaded (caniuse-api asks browserslist as it loads).
 */
function pinBrowserslist(): void {
  for (const name of Object.keys(process.env)) if (name.startsWith('BROWSERSLIST')) delete process.env[name];
  process.env.BROWSERSLIST = 'defaults';
}
