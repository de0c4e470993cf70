#!/bin/sh
# Development link: link; if symbols are undefined, write _devstubs.c defining each one
# as a function that aborts with its name, and link again.  For working on one room while others
# are unfinished; CI and `make all` never use it.
linker=$1; out=$2; objs=$3; libs=$4
if $linker -o "$out" $objs $libs 2>/tmp/braid-link.$$; then rm -f /tmp/braid-link.$$; exit 0; fi
syms=$(grep -o "undefined reference to \`[^']*'" /tmp/braid-link.$$ | sed "s/.*\`//; s/'//" | sort -u)
rm -f /tmp/braid-link.$$
if [ -z "$syms" ]; then echo "link failed for another reason" >&2; $linker -o "$out" $objs $libs; exit 1; fi

{
  echo '#include <stdio.h>'
  echo '#include <stdlib.h>'
  for s in $syms; do
    printf 'void %s(void) { fprintf(stderr, "braid dev stub: %s is not implemented yet\\n"); abort(); }\n' "$s" "$s"
  done
} > _devstubs.c
echo "dev link: $(echo "$syms" | wc -l) undefined symbols stubbed (see _devstubs.c)" >&2
cc -c -o _devstubs.o _devstubs.c
$linker -o "$out" $objs _devstubs.o $libs
