#!/usr/bin/env bash
# The action's lint step: one claimlint run writes the annotations (or the
# chosen format) to the job log, the SARIF report and the job summary.
# Inputs arrive as INPUT_* variables (never pasted into the script); on a pull
# request (GITHUB_BASE_REF set) the files the pull request changes are
# annotated first, or are the only ones linted with changed-only: true.
set -uo pipefail

words() { echo "$1" | tr '\n' ' '; }
read -r -a paths <<<"$(words "${INPUT_PATHS:-.}")"
read -r -a extra <<<"$(words "${INPUT_ARGS:-}")"
args=()
for r in $(words "${INPUT_REFERENCES:-}"); do args+=(--references "$r"); done
if [ -n "${INPUT_CONFIG:-}" ]; then args+=(--config "$INPUT_CONFIG"); fi
if [ -n "${INPUT_BASELINE:-}" ]; then args+=(--baseline "$INPUT_BASELINE"); fi
if [ -n "${INPUT_FAIL_ON:-}" ]; then args+=(--fail-on "$INPUT_FAIL_ON"); fi
args+=(--format "${INPUT_FORMAT:-github}")
if [ -n "${INPUT_SARIF_FILE:-}" ]; then args+=(--sarif "$INPUT_SARIF_FILE"); fi
if [ "${INPUT_SUMMARY:-true}" = "true" ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  args+=(--summary "$GITHUB_STEP_SUMMARY")
fi

# The pull request's base: the files changed since it first.
base=""
if [ -n "${GITHUB_BASE_REF:-}" ] && git rev-parse --git-dir >/dev/null 2>&1; then
  base="origin/$GITHUB_BASE_REF"
  if ! git rev-parse --verify -q "$base" >/dev/null; then
    git fetch --no-tags -q origin "+refs/heads/$GITHUB_BASE_REF:refs/remotes/$base" 2>/dev/null || true
  fi
  # A shallow checkout may not reach the merge base: deepen it, then give up.
  for depth in 50 500; do
    git merge-base "$base" HEAD >/dev/null 2>&1 && break
    git fetch --no-tags -q --deepen="$depth" origin HEAD "$GITHUB_BASE_REF" 2>/dev/null || true
  done
  if ! git merge-base "$base" HEAD >/dev/null 2>&1; then
    echo "::notice::claimlint: no merge base with $base (use actions/checkout with fetch-depth: 0); linting every file in path order"
    base=""
  fi
fi
if [ -n "$base" ]; then
  if [ "${INPUT_CHANGED_ONLY:-false}" = "true" ]; then
    args+=(--changed-since "$base")
  else
    args+=(--changed-first "$base")
  fi
fi

status=0
claimlint "${args[@]}" "${extra[@]}" -- "${paths[@]}" || status=$?
if [ -n "${INPUT_SARIF_FILE:-}" ] && [ -f "$INPUT_SARIF_FILE" ]; then
  echo "sarif-file=$INPUT_SARIF_FILE" >>"$GITHUB_OUTPUT"
else
  echo "sarif-file=" >>"$GITHUB_OUTPUT"
fi
exit "$status"
