#!/usr/bin/env bash
# The benchmark, measured in one run so that the ratios hold on a noisy
# machine: generates N articles, then times a bare cmark-gfm parse + walk and
# claimlint (JSON output, every built-in pack) with --jobs 1 and all cores,
# and a single 20 MB file; prints MB/s, ratios and peak RSS.
#
# usage: bench/run.sh [BUILD_DIR] [N] [--peers]
set -euo pipefail
build=${1:-build}
n=${2:-2000}
peers=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/gen_corpus.py" "$work/corpus" "$n"
find "$work/corpus" -name '*.md' | sort > "$work/files"
bytes=$(cat $(cat "$work/files") | wc -c)
mb=$(awk -v b="$bytes" 'BEGIN{printf "%.2f", b/1048576}')
cores=$(nproc)

measure() {  # name, command...: prints "seconds rss_kb"
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null 2> "$work/err" || true
  # A tool that exits non-zero (findings) makes time(1) write a note first.
  read -r secs rss < <(tail -n 1 "$work/time")
  echo "$secs $rss"
}

printf "corpus: %s files, %s MB, %s cores\n\n" "$n" "$mb" "$cores"
printf "%-34s %8s %8s %10s %9s\n" "run" "seconds" "MB/s" "x bare" "RSS MiB"
read -r bare_s bare_rss < <(measure bare xargs -a "$work/files" "$build/bench/bare_parse")
row() {  # label seconds rss
  awk -v l="$1" -v s="$2" -v r="$3" -v mb="$mb" -v b="$bare_s" 'BEGIN{
    if (s < 0.001) s = 0.001;
    printf "%-34s %8.2f %8.1f %10.2f %9.1f\n", l, s, mb/s, s/b, r/1024 }'
}
row "bare cmark-gfm parse + walk" "$bare_s" "$bare_rss"
read -r j1_s j1_rss < <(measure j1 "$build/claimlint" --format json --fail-on never --jobs 1 "$work/corpus")
row "claimlint --jobs 1" "$j1_s" "$j1_rss"
read -r jn_s jn_rss < <(measure jn "$build/claimlint" --format json --fail-on never --jobs "$cores" "$work/corpus")
row "claimlint --jobs $cores" "$jn_s" "$jn_rss"
awk -v a="$j1_s" -v b="$jn_s" 'BEGIN{ if (b < 0.001) b = 0.001; printf "\nspeed-up with %s jobs: %.2fx\n", '"$cores"', a/b }'
awk -v s="$j1_s" -v mb="$mb" 'BEGIN{ printf "throughput per core (jobs 1): %.1f MB/s\n", mb/s }'

# One 20 MB file: paragraphs of the corpus, concatenated.
head -c 20971520 < <(while :; do cat $(head -50 "$work/files"); done) > "$work/big.md" || true
read -r big_s big_rss < <(measure big "$build/claimlint" --format json --fail-on never "$work/big.md")
printf "single 20 MB file: %.2f s, %.1f MiB RSS\n" "$big_s" "$(awk -v r="$big_rss" 'BEGIN{print r/1024}')"

if [ "$peers" = "--peers" ]; then
  # Peers on the same files, when installed (npm install -g markdownlint-cli2 write-good).
  for tool in markdownlint-cli2 write-good; do
    if command -v "$tool" > /dev/null; then
      read -r s r < <(measure "$tool" xargs -a "$work/files" "$tool")
      row "$tool" "$s" "$r"
    fi
  done
fi
