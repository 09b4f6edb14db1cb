#!/usr/bin/env bash
# A regular (not editable) install works from any folder: build the wheel, install it into a fresh virtual
# environment, and triage a plan from an empty folder (knowledge/ and prompts/ ship as data files).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.venv/bin/python -m pip wheel -q --no-deps -w "$work/dist" .
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q "$work"/dist/*.whl
mkdir "$work/elsewhere"
cd "$work/elsewhere"
env -u TRIAGE_KNOWLEDGE_DIR -u TRIAGE_PROMPTS_DIR TRIAGE_ENV_FILE=/dev/null "$work/venv/bin/triage" check --json \
  "We'll clone the lead actor's voice for ADR; he hasn't agreed yet." > result.json
"$work/venv/bin/python" -c "import json; r = json.load(open('result.json')); assert r['route'] == 'escalate', r; print('install check: a wheel installed elsewhere triages (route', r['route'] + ')')"
