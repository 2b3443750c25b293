#!/usr/bin/env node
// npm run bench: the speed figures of issue #6 (then the slowest adversarial input of #18, the preview's of #13, and lint's precision over real posts of #34), as ratios against references measured in the
// same run. Each pair runs alternately, several times; medians are reported. Nothing here is a
// test: it prints, and exits 0 unless something fails to run.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { adversarialFragments } from './adversarial-inputs.mjs';
import { corpusReports, precision, readExpectations } from './corpus-lint.mjs';
import { siteFiles } from './site-checkout.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const BIN = join(ROOT, 'bin', 'newsletter.js');
const MJML = join(ROOT, 'node_modules', 'mjml', 'bin', 'mjml');
const CORPUS = join(ROOT, 'test', 'fixtures', 'archive', 'corpus');
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const work = mkdtempSync(join(tmpdir(), 'newsletter-bench-'));
// Lint's cache goes with the rest of the bench's files, not into the user's cache folder.
const ENV = { ...process.env, CI: '1', XDG_CACHE_HOME: join(work, 'cache') };

/** Wall time of one run, in ms; the command must exit with one of `codes`. */
function time(file, args, cwd, codes = [0]) {
  const start = process.hrtime.bigint();
  const result = spawnSync(file, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: ENV });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!codes.includes(result.status)) throw new Error(`${file} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs a and b alternately RUNS times (after one warm-up each, for the file cache). */
function pair(a, b) {
  a();
  b();
  const as = [];
  const bs = [];
  for (let i = 0; i < RUNS; i++) {
    as.push(a());
    bs.push(b());
  }
  return { a: median(as), b: median(bs) };
}

/** An archive of `count` issues: the published corpus imported, then copied under other dates. */
function archive(count) {
  const dir = mkdtempSync(join(work, 'archive-'));
  const posts = existsSync(CORPUS)
    ? readdirSync(CORPUS)
        .filter((n) => n.endsWith('.md'))
        .map((n) => join(CORPUS, n))
    : [];
  if (posts.length === 0) cpSync(join(ROOT, 'sections'), join(dir, 'sections'), { recursive: true });
  else execFileSync(BIN, ['import', ...posts], { cwd: dir, stdio: 'ignore' });
  const base = readdirSync(join(dir, 'sections'));
  const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
  for (let n = 0; readdirSync(join(dir, 'sections')).length < count; n++) {
    const slug = `${months[n % 12]}-${2100 + Math.floor(n / 12)}`;
    cpSync(join(dir, 'sections', base[n % base.length]), join(dir, 'sections', slug), { recursive: true });
  }
  return dir;
}

/** Whether MJML's modules were loaded by a run of the compiled modules (not the snapshot). */
function loadsMjml(args, cwd) {
  const probe = join(work, 'probe.mjs');
  writeFileSync(
    probe,
    "import { createRequire } from 'node:module'; const r = createRequire(import.meta.url); process.on('exit', () => { process.stderr.write(Object.keys(r('node:module')._cache).some((k) => k.includes('mjml-core')) ? 'MJML-LOADED' : 'MJML-NOT-LOADED'); });",
  );
  const result = spawnSync(process.execPath, ['--import', probe, BIN, ...args], { cwd, encoding: 'utf8', env: ENV });
  return result.stderr.includes('MJML-LOADED');
}

function peakMemoryMb(args, cwd) {
  if (!existsSync('/usr/bin/time')) return undefined;
  const result = spawnSync('/usr/bin/time', ['-f', '%M', BIN, ...args], { cwd, encoding: 'utf8', env: ENV });
  return Number(result.stderr.trim().split('\n').pop()) / 1024;
}

/** A figure against its target; a figure with no target (`ok` undefined) is printed for reference. */
const line = (label, value, target, ok) =>
  console.log(`${ok === undefined ? '    ' : ok ? 'ok  ' : 'MISS'} ${label.padEnd(62)} ${value.padStart(16)}   ${ok === undefined ? '' : 'target '}${target}`);

try {
  console.log(
    `newsletter bench: node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${RUNS} alternating runs, medians`,
  );
  console.log(`startup snapshot: ${existsSync(join(ROOT, 'lib', 'newsletter.blob')) ? 'built' : 'absent (npm run compile builds it)'}\n`);

  // 1. A cold build of the sample issue against MJML's CLI compiling that issue's email.mjml.
  const sample = mkdtempSync(join(work, 'sample-'));
  cpSync(join(ROOT, 'sections', 'april-2025'), join(sample, 'sections', 'april-2025'), { recursive: true });
  execFileSync(BIN, ['build', 'april-2025'], { cwd: sample, stdio: 'ignore' });
  const mjmlFile = join(sample, 'dist', 'april-2025', 'email.mjml');
  const mjmlCli = () => time(process.execPath, [MJML, mjmlFile, '-o', join(work, 'mjml-out.html')], sample);
  const build = pair(() => time(BIN, ['build', 'april-2025'], sample), mjmlCli);
  line(
    '1. build april-2025 / mjml CLI on its email.mjml',
    `${(build.a / build.b).toFixed(2)}x (${build.a.toFixed(0)}/${build.b.toFixed(0)} ms)`,
    '<= 0.50x',
    build.a / build.b <= 0.5,
  );
  // The same with the workspace's own templates (templates/, as `newsletter` documents them),
  // here copies of the built-in ones: what they make is checked as a writer's HTML is, which
  // the built-in shells are spared (issue #37).
  const own = mkdtempSync(join(work, 'own-templates-'));
  cpSync(join(ROOT, 'sections', 'april-2025'), join(own, 'sections', 'april-2025'), { recursive: true });
  cpSync(join(ROOT, 'templates'), join(own, 'templates'), { recursive: true });
  const ownBuild = pair(() => time(BIN, ['build', 'april-2025'], own), mjmlCli);
  line(
    "   the same with the workspace's own templates (templates/)",
    `${(ownBuild.a / ownBuild.b).toFixed(2)}x (${ownBuild.a.toFixed(0)}/${ownBuild.b.toFixed(0)} ms)`,
    '<= 0.50x',
    ownBuild.a / ownBuild.b <= 0.5,
  );
  // The README's first command, as typed there: npx finds the bin, then runs it as above.
  const npx = pair(() => time('npx', ['--no-install', 'newsletter', 'build', 'april-2025', '--cwd', sample], ROOT), mjmlCli);
  line(
    "   npx newsletter build (the README's first command) / mjml CLI",
    `${(npx.a / npx.b).toFixed(2)}x (${npx.a.toFixed(0)}/${npx.b.toFixed(0)} ms)`,
    "no target: npx's own start-up; npm link avoids it",
  );

  // The sample linted cold (no cache), every rule on, spelling included, against the same.
  const lintOne = pair(() => time(BIN, ['lint', 'april-2025', '--no-cache'], sample, [0, 1]), mjmlCli);
  line(
    '   lint april-2025, cold, every rule / mjml CLI on its email.mjml',
    `${(lintOne.a / lintOne.b).toFixed(2)}x (${lintOne.a.toFixed(0)}/${lintOne.b.toFixed(0)} ms)`,
    '<= 0.70x',
    lintOne.a / lintOne.b <= 0.7,
  );
  // The same with a checkout of the site as large as osf-website (125 posts, 40 authors, its CMS config), with its post of 590 KB (an inlined image), read for the site rules.
  const site = mkdtempSync(join(work, 'site-'));
  for (const [path, text] of Object.entries(siteFiles({ otherPosts: 106, authors: 38 }))) {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), text);
  }
  const lintSite = pair(() => time(BIN, ['lint', 'april-2025', '--site', site], sample, [0, 1]), mjmlCli);
  line(
    '   lint april-2025 --site (125 posts, one of 590 KB; 40 authors), cold / mjml CLI',
    `${(lintSite.a / lintSite.b).toFixed(2)}x (${lintSite.a.toFixed(0)}/${lintSite.b.toFixed(0)} ms)`,
    '<= 0.80x',
    lintSite.a / lintSite.b <= 0.8,
  );

  // 2. lint --all over an archive of 18 real issues, every rule on, against MJML's CLI once:
  // every issue linted (--no-cache), then the archive unchanged since the last lint (cache).
  const eighteen = archive(18);
  const lint = pair(() => time(BIN, ['lint', '--all', '--format', 'json', '--no-cache'], eighteen, [0, 1]), mjmlCli);
  // Issue #37's target, 2.0x: one 1.0x is under the floor measured below (node's start, then
  // only the parser and MJML over the 18 issues: 1.77x and 1.89x cold in two runs on 2026-12-07), so no lint can meet it.
  line(
    '2. lint --all, 18 issues, each linted / mjml CLI on one file',
    `${(lint.a / lint.b).toFixed(2)}x (${lint.a.toFixed(0)}/${lint.b.toFixed(0)} ms)`,
    '<= 2.00x',
    lint.a / lint.b <= 2,
  );
  const cached = pair(() => time(BIN, ['lint', '--all', '--format', 'json'], eighteen, [0, 1]), mjmlCli);
  line(
    '   the same, unchanged since the last lint (cache)',
    `${(cached.a / cached.b).toFixed(2)}x (${cached.a.toFixed(0)}/${cached.b.toFixed(0)} ms)`,
    '<= 1.00x',
    cached.a / cached.b <= 1,
  );
  // The floor under figure 2: node starting from the snapshot, then only the parser and MJML
  // over the 18 issues, once cold and once with every function optimised (see bench-floor.mjs).
  for (const slug of readdirSync(join(eighteen, 'sections'))) execFileSync(BIN, ['build', slug, '--email'], { cwd: eighteen, stdio: 'ignore', env: ENV });
  const start = pair(() => time(BIN, ['build', '--help'], eighteen), mjmlCli);
  const floor = JSON.parse(execFileSync(process.execPath, [join(ROOT, 'scripts', 'bench-floor.mjs'), eighteen], { encoding: 'utf8', env: ENV }));
  for (const [label, ms] of [
    ['   floor: start, then only parse + MJML, first pass', floor.first],
    ['   the same, every function optimised (no fresh process is)', floor.warm],
  ]) {
    line(
      label,
      `${((start.a + ms) / start.b).toFixed(2)}x (${start.a.toFixed(0)}+${ms.toFixed(0)}/${start.b.toFixed(0)} ms)`,
      'no target: the least a lint does',
    );
  }

  // 3. --help against node -e 0; and which commands load MJML when run from the modules.
  const help = pair(
    () => time(BIN, ['--help'], sample),
    () => time(process.execPath, ['-e', '0'], sample),
  );
  line('3. --help / node -e 0', `${(help.a / help.b).toFixed(2)}x (${help.a.toFixed(0)}/${help.b.toFixed(0)} ms)`, '<= 2.00x', help.a / help.b <= 2);
  writeFileSync(join(sample, 'newsletter.config.yaml'), 'rules:\n  email-size: off\n  mjml: off\n');
  const fresh = mkdtempSync(join(work, 'new-'));
  const loaders = {
    '--help': loadsMjml(['--help'], sample),
    'new may-2031 --yes': loadsMjml(['new', 'may-2031', '--yes'], fresh),
    'lint (source-only rules)': loadsMjml(['lint', '--no-cache'], sample),
  };
  const quiet = Object.values(loaders).every((loaded) => !loaded);
  line(
    '   MJML loaded by --help / new / source-only lint',
    Object.values(loaders)
      .map((l) => (l ? 'yes' : 'no'))
      .join(' / '),
    'no / no / no',
    quiet,
  );
  rmSync(join(sample, 'newsletter.config.yaml'));

  // 4. Peak memory of build; lint time per issue as the archive grows.
  const memory = peakMemoryMb(['build', 'april-2025'], sample);
  if (memory === undefined) console.log('skip 4. peak memory: /usr/bin/time is not installed (apt-get install time)');
  else line('4. peak memory of build', `${memory.toFixed(0)} MB`, '<= 150 MB', memory <= 150);
  const perIssue = [];
  for (const count of [50, 200]) {
    const dir = archive(count);
    const runs = Array.from({ length: Math.max(3, Math.floor(RUNS / 3)) }, () => time(BIN, ['lint', '--all', '--format', 'json', '--no-cache'], dir, [0, 1]));
    perIssue.push({ count, ms: median(runs) });
  }
  const [small, large] = perIssue;
  const growth = large.ms / large.count / (small.ms / small.count);
  line(
    '   lint --all: 200 issues / 50 issues, time per issue',
    `${growth.toFixed(2)}x (${large.ms.toFixed(0)}/${small.ms.toFixed(0)} ms)`,
    '<= ~1 (linear)',
    growth <= 1.25,
  );

  // 5. The slowest generated adversarial input within the limits, per command, against the
  // sample issue (scripts/adversarial-inputs.mjs): two fragments of each shape in one issue.
  // Each shape runs once to find the slowest; that one is then timed alternately with the sample.
  const commands = {
    build: { args: ['build'], codes: [0, 1] },
    lint: { args: ['lint', '--no-cache', '--format', 'json'], codes: [0, 1] },
    import: { args: ['import', 'post.md', '--issue', 'may-2031'], codes: [0, 1] },
  };
  const hostile = (shape) => {
    const dir = mkdtempSync(join(work, 'adversarial-'));
    cpSync(join(ROOT, 'sections', 'april-2025'), join(dir, 'sections', 'april-2025'), { recursive: true });
    for (const name of ['kata.md', 'starlingx.md']) writeFileSync(join(dir, 'sections', 'april-2025', name), shape.text);
    writeFileSync(
      join(dir, 'post.md'),
      `---\ntitle: "Inside Open Infrastructure: May 2031"\n---\n## OpenStack\n\n${shape.text}\n## Kata Containers\n\n${shape.text}`,
    );
    return dir;
  };
  const normal = mkdtempSync(join(work, 'normal-'));
  cpSync(join(ROOT, 'sections', 'april-2025'), join(normal, 'sections', 'april-2025'), { recursive: true });
  writeFileSync(
    join(normal, 'post.md'),
    readFileSync(existsSync(CORPUS) ? join(CORPUS, 'inside-open-infrastructure-may-2025.md') : join(ROOT, 'sections', 'april-2025', 'events.md')),
  );
  const shapes = adversarialFragments().map((shape) => ({ ...shape, dir: hostile(shape) }));
  for (const [command, { args, codes }] of Object.entries(commands)) {
    const clean = (dir) => rmSync(join(dir, 'sections', 'may-2031'), { recursive: true, force: true });
    const once = shapes.map((shape) => {
      clean(shape.dir);
      return { shape, ms: time(BIN, args, shape.dir, codes) };
    });
    const slowest = once.sort((a, b) => b.ms - a.ms)[0];
    const timed = pair(
      () => (clean(slowest.shape.dir), time(BIN, args, slowest.shape.dir, codes)),
      () => (clean(normal), time(BIN, args, normal, codes)),
    );
    const label = `${command === 'build' ? '5. ' : '   '}${command}: slowest adversarial input (${slowest.shape.name}) / sample`;
    line(label, `${(timed.a / timed.b).toFixed(2)}x (${timed.a.toFixed(0)}/${timed.b.toFixed(0)} ms)`, '<= 5000 ms', timed.a <= 5000);
  }

  // 6. The preview: from saving a fragment to the new email painted in Chromium (absolute, the
  // issue's target), and the CPU an idle preview uses in two seconds.
  if (!existsSync('/usr/bin/chromium')) console.log('skip 6. preview: no Chromium at /usr/bin/chromium (apt-get install chromium)');
  else {
    const preview = JSON.parse(
      execFileSync(process.execPath, [join(ROOT, 'scripts', 'bench-preview.mjs'), String(Math.max(RUNS, 15))], { encoding: 'utf8', env: ENV }),
    );
    line(
      '6. preview: fragment saved -> new email painted, median',
      `${preview.median.toFixed(0)} ms (${preview.min.toFixed(0)}-${preview.max.toFixed(0)})`,
      '< 250 ms',
      preview.median < 250,
    );
    line('   preview: CPU used while idle for 2 s', `${preview.idleCpuMs.toFixed(0)} ms`, '<= 10 ms (one tick)', preview.idleCpuMs <= 10);
  }

  // 7. Precision: lint over real posts it was not written against, each report judged in
  // test/fixtures/archive/lint-expectations.tsv (scripts/corpus-lint.mjs), rule by rule.
  const { main } = await import(join(ROOT, 'lib', 'cli.js'));
  const reports = await corpusReports(main);
  const rows = precision(reports, readExpectations());
  const total = rows.reduce(
    (sum, row) => ({
      reports: sum.reports + row.reports,
      true: sum.true + row.true,
      falseErrors: sum.falseErrors + row.falseErrors,
      unjudged: sum.unjudged + row.unjudged,
    }),
    { reports: 0, true: 0, falseErrors: 0, unjudged: 0 },
  );
  line(
    '7. lint over 46 real posts: reports judged true',
    `${total.true}/${total.reports} (${((100 * total.true) / total.reports).toFixed(0)} %)`,
    '>= 90 %, no false error',
    total.true / total.reports >= 0.9 && total.falseErrors === 0 && total.unjudged === 0,
  );
  for (const row of rows) {
    const shown = `${row.true}/${row.reports}${row.falseErrors ? `, ${row.falseErrors} false errors` : ''}${row.unjudged ? `, ${row.unjudged} unjudged` : ''}`;
    line(`   ${row.rule}`, shown, '>= 75 %', row.true / row.reports >= 0.75 && row.falseErrors === 0 && row.unjudged === 0);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
