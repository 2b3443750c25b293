#!/bin/sh
":" //; self=$(readlink -f -- "$0" 2>/dev/null || printf %s "$0"); lib=${self%/bin/*}/lib
":" //; cmd=; skip=; for a in "$@"; do if [ -n "$skip" ]; then skip=; elif [ "$a" = --cwd ]; then skip=1; else case $a in -*) ;; *) cmd=$a; break ;; esac; fi; done
":" //; case $cmd in build|lint) ;; *) NEWSLETTER_NO_SNAPSHOT=1 ;; esac; case " $* " in *" --debug "*) NEWSLETTER_NO_SNAPSHOT=1 ;; esac
":" //; stamp_of() { printf '%s|%s|%s\n' "${lib%/lib}" "$1" "$(stat -c '%s|%Y' -- "$1" 2>/dev/null || stat -f '%z|%m' -- "$1" 2>/dev/null)"; }
":" //; if [ -n "$NEWSLETTER_PRINT_STAMP" ]; then stamp_of "$(readlink -f -- "$(command -v node)" 2>/dev/null)"; exit 0; fi
":" //; if [ -z "$NEWSLETTER_NO_SNAPSHOT" ] && [ -z "$NODE_OPTIONS" ] && [ -f "$lib/newsletter.blob" ] && [ -f "$lib/newsletter.blob.stamp" ] && IFS= read -r stamp < "$lib/newsletter.blob.stamp"; then node=$(readlink -f -- "$(command -v node)" 2>/dev/null); [ "$stamp" = "$(stamp_of "$node")" ] && exec "$node" --snapshot-blob "$lib/newsletter.blob" -- "$@"; fi
":" //; exec node "$0" "$@"
// Run as a program, the lines above are sh: for build and lint, the commands that render
// emails, they start node from the CLI's startup snapshot (built by npm install, MJML already
// loaded) when its stamp matches this folder and this node, and NODE_OPTIONS (whose V8 flags
// a snapshot would refuse) is empty; otherwise, and with --debug (for
// readable stacks), they run this file with node. Run with node, they are a string and comments.
// The stamp is `folder|node|size|mtime` of the node binary (GNU stat on Linux, BSD stat on
// macOS); NEWSLETTER_PRINT_STAMP=1 prints the one this machine would need (a test compares it
// with what scripts/build-snapshot.mjs wrote). See docs/snapshot.md.
import { run } from '../lib/bin.js';
process.exitCode = await run(process.argv.slice(2));
