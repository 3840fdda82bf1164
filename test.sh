#!/usr/bin/env bash
# The one test command: installs what the tests need, builds in Release, runs every test
# project with runsettings/ci.runsettings, and ends with "tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
ROOT="$PWD"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { echo "test.sh: $*" >&2; }

# --- test peers and servers -------------------------------------------------------------
apt_install() {
  # Debian packages the tests use, installed only when missing and when we are root.
  local missing=()
  for spec in "$@"; do
    local check="${spec%%:*}" pkg="${spec##*:}"
    if ! eval "$check" >/dev/null 2>&1; then missing+=("$pkg"); fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing ${missing[*]}"
    (apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1 ||
      { apt-get update >/dev/null 2>&1 && apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1; }) ||
      log "could not install ${missing[*]}; tests that need them will report it"
  else
    log "missing ${missing[*]} and not root; tests that need them will report it"
  fi
}
apt_install "/usr/bin/python3 -c 'import websockets':python3-websockets" "command -v openssl:openssl"
[ -f tests/peers/package.json ] && { [ -d tests/peers/node_modules ] || (cd tests/peers && npm ci --no-audit --no-fund --silent >/dev/null 2>&1 || npm install --no-audit --no-fund --silent >/dev/null 2>&1) || log "npm install in tests/peers failed"; }
for hook in tests/setup.d/*.sh; do [ -f "$hook" ] && source "$hook"; done

# --- build -------------------------------------------------------------------------------
dotnet restore LowLatency.sln >/dev/null || { echo "restore failed"; echo "tests: 0 passed, 1 failed"; exit 1; }
if ! dotnet build LowLatency.sln -c Release --no-restore -nologo -clp:ErrorsOnly; then
  echo "build failed"; echo "tests: 0 passed, 1 failed"; exit 1
fi

# --- test --------------------------------------------------------------------------------
rm -rf TestResults
status=0
for proj in tests/*.Tests/*.Tests.csproj; do
  name="$(basename "$proj" .csproj)"
  log "running $name"
  dotnet test "$proj" -c Release --no-build --nologo --settings runsettings/ci.runsettings \
    --results-directory "TestResults/$name" --logger "trx;LogFileName=$name.trx" \
    --logger "console;verbosity=minimal" || status=1
done

passed=0; failed=0
for trx in TestResults/*/*.trx; do
  [ -f "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -1)"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  e="$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")"
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0}))
done
# A project that crashed or hung has no counters: count it as a failure, never as silence.
if [ $status -ne 0 ] && [ $failed -eq 0 ]; then failed=1; fi
echo "tests: $passed passed, $failed failed"
[ $failed -eq 0 ] && [ $status -eq 0 ]
