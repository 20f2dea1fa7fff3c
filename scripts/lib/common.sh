# Shared by scripts/demo, scripts/test and scripts/screenshots: the Debian 12 packages Tamga builds and tests with
# (listed, with the reason for each, in scripts/lib/debian-packages), installing the missing ones (as root) or
# printing the exact apt-get line to run (otherwise), then configuring and building.

TAMGA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TAMGA_BUILD="${TAMGA_BUILD:-$TAMGA_ROOT/build}"
TAMGA_PACKAGE_LIST="$TAMGA_ROOT/scripts/lib/debian-packages"

# The packages of the named groups of scripts/lib/debian-packages, one a line.
tamga_packages() {
    local groups=" $* "
    awk -v groups="$groups" '
        { sub(/#.*/, "") }
        /^\[[a-z-]+\]/ { group = substr($1, 2, length($1) - 2); next }
        NF && index(groups, " " group " ") { print $1 }
    ' "$TAMGA_PACKAGE_LIST"
}

tamga_missing_packages() {
    local missing=() package
    for package in $(tamga_packages "$@"); do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$package")
        fi
    done
    echo "${missing[@]}"
}

# Installs the packages of the named groups that are missing; not root: prints the apt-get line and stops.
tamga_ensure_packages() {
    local missing
    missing="$(tamga_missing_packages "$@")"
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "Tamga needs these Debian packages. Install them as root, then run this again:" >&2
        echo "  apt-get install -y --no-install-recommends $missing" >&2
        exit 1
    fi
    echo "Installing: $missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

tamga_build() {
    cmake -S "$TAMGA_ROOT" -B "$TAMGA_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
    cmake --build "$TAMGA_BUILD" -j"$(nproc)"
}
