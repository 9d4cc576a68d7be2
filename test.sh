#!/usr/bin/env bash
# Runs every test project of LoyaltyStudio and ends with one line: "N passed, N failed".
# Installs what the browser tests need when it is missing (Debian's chromium, when run as root).
set -uo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

chromium_path="${LOYALTY_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium_path" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Chromium not found at $chromium_path: installing Debian's chromium (needed by the browser tests)..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/tmp/loyalty-chromium-install.log 2>&1 \
      || echo "Installing chromium failed; see /tmp/loyalty-chromium-install.log"
  else
    echo "Chromium not found at $chromium_path. The browser tests need it: run 'sudo apt-get install -y chromium'"
    echo "(or set LOYALTY_CHROMIUM to a Chromium binary). They will fail until it is installed."
  fi
fi

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

echo "Building LoyaltyStudio.sln..."
if ! dotnet build LoyaltyStudio.sln -c Release -v quiet -nologo -clp:ErrorsOnly; then
  echo "Build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

passed=0
failed=0
for project in tests/*/*.csproj; do
  name="$(basename "$project" .csproj)"
  echo "== $name"
  dotnet test "$project" -c Release --no-build --nologo -v quiet \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" || true
  trx="$results/$name.trx"
  if [ -f "$trx" ]; then
    p=$(grep -o '<Counters [^>]*' "$trx" | grep -o ' passed="[0-9]*"' | grep -o '[0-9]*')
    f=$(grep -o '<Counters [^>]*' "$trx" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*')
    e=$(grep -o '<Counters [^>]*' "$trx" | grep -o ' error="[0-9]*"' | grep -o '[0-9]*')
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0} + ${e:-0}))
  else
    echo "   no results from $name: counted as one failure (the test host did not run or crashed)"
    failed=$((failed + 1))
  fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
