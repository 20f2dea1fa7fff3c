# Shared by scripts/demo and scripts/test: the Debian 12 packages Tamga builds and tests with, installing the
# missing ones (as root) or printing the exact apt-get line to run (otherwise), then configuring and building.

TAMGA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TAMGA_BUILD="${TAMGA_BUILD:-$TAMGA_ROOT/build}"

# Build tools and libraries, and the tokens and tools the tests start or cross-check with.
TAMGA_PACKAGES=(
    g++ cmake ninja-build pkg-config
    libssl-dev openssl libp11-dev libp11-kit-dev p11-kit
    qt6-base-dev libqt6sql6-sqlite
    catch2
    softhsm2 opensc gnutls-bin zlib1g sqlite3
    golang-cfssl iproute2 util-linux libengine-pkcs11-openssl python3 poppler-utils
)

tamga_missing_packages() {
    local missing=() package
    for package in "${TAMGA_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$package")
        fi
    done
    echo "${missing[@]}"
}

tamga_ensure_packages() {
    local missing
    missing="$(tamga_missing_packages)"
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "Tamga needs these Debian packages. Install them as root, then run this again:" >&2
        echo "  apt-get install -y $missing" >&2
        exit 1
    fi
    echo "Installing: $missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing
}

tamga_build() {
    cmake -S "$TAMGA_ROOT" -B "$TAMGA_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
    cmake --build "$TAMGA_BUILD" -j"$(nproc)"
}
