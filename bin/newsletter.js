#!/bin/sh
":" //; set -f; self=$0; if [ -L "$self" ]; then self=$(readlink -f -- "$self" 2>/dev/null || printf %s "$self"); fi; case $self in /*) ;; *) self=$PWD/$self ;; esac; root=${self%/bin/*}; lib=$root/lib
":" //; cmd=; skip=; for a in "$@"; do if [ -n "$skip" ]; then skip=; elif [ "$a" = --cwd ]; then skip=1; else case $a in -*) ;; *) cmd=$a; break ;; esac; fi; done
":" //; case $cmd in build|lint|preview) ;; *) NEWSLETTER_NO_SNAPSHOT=1 ;; esac; case " $* " in *" --debug "*|*" --eml "*) NEWSLETTER_NO_SNAPSHOT=1 ;; esac
":" //; node=; IFS=:; for dir in $PATH; do if [ -f "${dir:-.}/node" ] && [ -x "${dir:-.}/node" ]; then node=${dir:-.}/node; break; fi; done; unset IFS
":" //; start=modules; if [ -z "$NEWSLETTER_NO_SNAPSHOT" ] && [ -z "$NODE_OPTIONS" ] && [ -n "$node" ] && [ -f "$lib/newsletter.blob" ] && [ -f "$lib/newsletter.blob.stamp" ] && IFS="|" read -r built_for built_with size mtime built_id < "$lib/newsletter.blob.stamp" && [ "$root" -ef "$built_for" ] && [ "$node" -ef "$built_with" ] && [ "$(stat -L -c '%s|%Y' -- "$node" 2>/dev/null || stat -L -f '%z|%m' -- "$node" 2>/dev/null)" = "$size|$mtime" ]; then start=snapshot; fi
":" //; if [ $start = snapshot ]; then { read -r id < "$lib/build-id" && [ "$id" = "$built_id" ]; } 2>/dev/null || start=modules; fi; if [ $start = snapshot ]; then set +f; for f in "$lib"/*.js "$lib"/*/*.js "$lib"/*/*/*.js; do if [ "$f" -nt "$lib/newsletter.blob" ]; then start=modules; break; fi; done; set -f; fi
":" //; if [ -n "$NEWSLETTER_PRINT_START" ]; then echo "$start"; exit 0; fi; if [ $start = snapshot ]; then exec "$node" --snapshot-blob "$lib/newsletter.blob" -- "$@"; fi
":" //; exec node "$0" "$@"
// Run as a program, the lines above are sh: for build, lint and preview, the commands that render
// emails, they start node from the CLI's startup snapshot (built by npm install, MJML already
// loaded) when its stamp, `folder|node|size|mtime|build`, matches: this is the folder and this
// the node binary it was built for (the same files, whatever the path: test -ef), that node's
// size and modification time are unchanged (GNU stat on Linux, BSD stat on macOS), lib/build-id
// is the build it was made from, and no module of lib/ is newer than it (a `tsc` or
// `tsc --watch` after `npm run compile`: the modules then run, the new code). Not with
// NODE_OPTIONS set (V8 refuses a snapshot under other flags), --debug (readable stacks) or
// --eml (nodemailer is not in the snapshot). Only sh builtins run, and one stat (and one
// readlink when started through npm's link): each process costs a start. Otherwise they run
// this file with node; run with node, they are strings and comments.
// NEWSLETTER_PRINT_START=1 prints which way it would start. See docs/snapshot.md.
import { run } from '../lib/bin.js';
process.exitCode = await run(process.argv.slice(2));
