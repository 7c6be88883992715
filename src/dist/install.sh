#!/usr/bin/env bash
# Installs sysc from this unpacked archive under a prefix (default ~/.local):
#   PREFIX/lib/sysc/         the launcher and the jars
#   PREFIX/bin/sysc          a link to the launcher
#   PREFIX/share/man/man1/   the man pages
#   PREFIX/share/bash-completion/completions/sysc, PREFIX/share/zsh/site-functions/_sysc
# --uninstall removes exactly what an install put there (listed in PREFIX/lib/sysc/installed-files).
set -euo pipefail

usage() {
    echo "usage: install.sh [--prefix DIR] [--uninstall]"
}

prefix="$HOME/.local"
uninstall=0
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix)
            [ $# -ge 2 ] || { echo "install.sh: --prefix needs a directory" >&2; usage >&2; exit 2; }
            prefix=$2; shift ;;
        --prefix=*) prefix=${1#--prefix=} ;;
        --uninstall) uninstall=1 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "install.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
    shift
done
if [ -z "$prefix" ]; then
    echo "install.sh: --prefix needs a directory" >&2
    exit 2
fi
mkdir -p "$prefix"
prefix="$(cd "$prefix" && pwd)"
home="$prefix/lib/sysc"
manifest="$home/installed-files"

if [ $uninstall -eq 1 ]; then
    if [ ! -f "$manifest" ]; then
        echo "install.sh: sysc is not installed under $prefix (no $manifest)" >&2
        exit 1
    fi
    while IFS= read -r f; do
        rm -f "$prefix/$f"
    done < "$manifest"
    rm -f "$manifest"
    rmdir "$home/lib" "$home/bin" "$home" 2>/dev/null || true
    echo "sysc removed from $prefix"
    exit 0
fi

src="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
if [ ! -f "$src/lib/sysc.jar" ]; then
    echo "install.sh: run it from the unpacked sysc archive ($src/lib/sysc.jar is missing)" >&2
    exit 1
fi

installed=()
put() { # put SOURCE DEST MODE: copies one file and records it
    mkdir -p "$(dirname "$prefix/$2")"
    install -m "$3" "$1" "$prefix/$2"
    installed+=("$2")
}
for jar in "$src"/lib/*.jar; do
    put "$jar" "lib/sysc/lib/$(basename "$jar")" 0644
done
put "$src/bin/sysc" lib/sysc/bin/sysc 0755
mkdir -p "$prefix/bin"
ln -sf ../lib/sysc/bin/sysc "$prefix/bin/sysc"
installed+=(bin/sysc)
for page in "$src"/man/man1/*.1; do
    put "$page" "share/man/man1/$(basename "$page")" 0644
done
put "$src/completions/sysc.bash" share/bash-completion/completions/sysc 0644
put "$src/completions/_sysc" share/zsh/site-functions/_sysc 0644
printf '%s\n' "${installed[@]}" > "$manifest"

echo "sysc installed under $prefix"
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "add $prefix/bin to PATH (and $prefix/share/man to MANPATH if man does not find sysc)" ;;
esac
