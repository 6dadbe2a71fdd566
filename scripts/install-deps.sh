#!/usr/bin/env bash
# Installs the Debian packages planscore builds and tests with, only when one is missing,
# so `make run` and `make test` work on a fresh Debian 12 machine and cost nothing after.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config
  libsoci-dev libsqlite3-dev sqlite3 libpq-dev postgresql-15 postgresql-client-15
  nlohmann-json3-dev libyaml-cpp-dev libcli11-dev libfmt-dev libspdlog-dev
  librestinio-dev libasio-dev libssl-dev openssl libsodium-dev libcurl4-openssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev wrk python3-jsonschema
  libcairo2-dev libpango1.0-dev libxlsxwriter-dev libzip-dev libpugixml-dev
  poppler-utils python3-openpyxl python3-odf
  clang-14 libclang-rt-14-dev
  chromium fonts-noto-cjk tzdata
)

# The web app builds with Node and npm; Debian's own (Node 18 on Debian 12) are installed
# when none is, since the web tools are pinned to versions that still run on Node 18
# (Vite 6, Vitest 3, jsdom 26, playwright-core 1.61). A Node from elsewhere is left alone.
command -v node > /dev/null || packages+=(nodejs)
command -v npm > /dev/null || packages+=(npm)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

node_too_old() {
  command -v node > /dev/null || return 1
  node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 1 : 0)'
}

if [ ${#missing[@]} -eq 0 ]; then
  if node_too_old; then
    echo "warning: node $(node --version) is older than the web build needs (18 or later)" >&2
  fi
  exit 0
fi

echo "Installing missing packages: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "error: these Debian packages are missing and installing them needs root: ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
if node_too_old; then
  echo "warning: node $(node --version) is older than the web build needs (18 or later)" >&2
fi
