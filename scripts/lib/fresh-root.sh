# A new minimal Debian 12 root for one run, shared by scripts/fresh-check (the build and tests on a fresh machine)
# and scripts/package-check (the Debian package installed on a fresh machine). Source it as root, then:
#
#   fresh_root_make          # mmdebstrap --variant=apt bookworm into $FRESH_ROOT; removed with its mounts on exit
#   fresh_root_mount         # /proc, /sys, /dev, a private /tmp and resolv.conf, for work inside it
#   fresh_root_run CMD...    # CMD in the root, from /root, with a clean environment (CI passed through)
#
# The root uses this machine's apt sources and apt settings (a snapshot mirror, a proxy), nothing else of it; it
# is made under TAMGA_FRESH_DIR (default /var/tmp). TAMGA_FRESH_KEEP=1 keeps it for a look afterwards.

if [ "$(id -u)" -ne 0 ]; then
    echo "$(basename "$0") makes a Debian root and chroots into it: run it as root." >&2
    exit 1
fi

FRESH_WORK="$(mktemp -d "${TAMGA_FRESH_DIR:-/var/tmp}/tamga-fresh.XXXXXX")"
FRESH_ROOT="$FRESH_WORK/root"
fresh_mounted=()

fresh_root_cleanup() {
    local status=$? i
    trap - EXIT INT TERM
    # Whatever still runs inside the root (a daemon a package started, a program a failed check left) goes first:
    # it would hold the mounts, and an X server's abstract socket is the host's.
    local process
    for process in /proc/[0-9]*; do
        [ "$(readlink "$process/root" 2>/dev/null)" = "$FRESH_ROOT" ] && kill -9 "${process#/proc/}" 2>/dev/null
    done
    # Unmount in the reverse order of mounting; a recursive bind (/dev, /sys) goes with all it holds.
    for ((i = ${#fresh_mounted[@]} - 1; i >= 0; i--)); do
        umount -R "${fresh_mounted[$i]}" 2>/dev/null || umount -R -l "${fresh_mounted[$i]}" 2>/dev/null || true
    done
    if grep -q " $FRESH_ROOT" /proc/self/mounts; then
        # Never delete through a mount that is still there (it could be the machine's /dev).
        echo "fresh root: mounts remain under $FRESH_ROOT; it is left in place:" >&2
        grep " $FRESH_ROOT" /proc/self/mounts >&2
    elif [ "${TAMGA_FRESH_KEEP:-0}" = 1 ]; then
        echo "fresh root: kept in $FRESH_ROOT"
    else
        rm -rf "$FRESH_WORK"
    fi
    exit "$status"
}
trap fresh_root_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

fresh_mount_into() { # fresh_mount_into TARGET mount-arguments...
    local target="$FRESH_ROOT$1"
    shift
    mkdir -p "$target"
    mount "$@" "$target"
    fresh_mounted+=("$target")
}

fresh_root_make() {
    local started=$SECONDS file sources apt_options=() mirrors=()
    echo "== a new Debian 12 root in $FRESH_ROOT"
    # This machine's apt sources and settings, so that the root reaches the same archive the same way.
    sources=(/etc/apt/sources.list.d/*.sources /etc/apt/sources.list)
    for file in /etc/apt/apt.conf.d/*; do
        [ -f "$file" ] && apt_options+=(--aptopt="$file")
    done
    for file in "${sources[@]}"; do
        [ -s "$file" ] && grep -qE '^(deb |URIs:)' "$file" && mirrors+=("$file")
    done
    mmdebstrap --quiet --variant=apt --include=ca-certificates "${apt_options[@]}" bookworm "$FRESH_ROOT" \
        "${mirrors[@]}"
    echo "   made in $((SECONDS - started)) s"
}

fresh_root_mount() {
    fresh_mount_into /proc -t proc proc
    # Bound and made slaves in one call: the root's unmounting must never reach back into the machine's own.
    fresh_mount_into /sys --rbind --make-rslave /sys
    fresh_mount_into /dev --rbind --make-rslave /dev
    fresh_mount_into /tmp -t tmpfs -o mode=1777 tmpfs
    cp /etc/resolv.conf "$FRESH_ROOT/etc/resolv.conf"
}

fresh_root_run() {
    chroot "$FRESH_ROOT" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" CI="${CI:-}" \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        bash -c 'cd /root && exec "$@"' fresh-root "$@"
}
