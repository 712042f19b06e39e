# bash completion for claimlint (installed as
# /usr/share/bash-completion/completions/claimlint).
_claimlint() {
  local cur prev
  cur="${COMP_WORDS[COMP_CWORD]}"
  prev="${COMP_WORDS[COMP_CWORD-1]}"
  local opts="--format --output --sarif --summary --color --fail-on --config --rules
    --no-default-rules --enable --disable --references --baseline --write-baseline
    --jobs --shard --changed-since --changed-first --stdin-filename --print-config --init
    --list-rules --explain --write-rule-docs --root --version --help --quiet --stats"
  if [[ "${COMP_WORDS[1]}" == lsp ]]; then
    COMPREPLY=($(compgen -W "--stdio" -- "$cur"))
    return
  fi
  case "$prev" in
    --format | -f)
      COMPREPLY=($(compgen -W "text json sarif github html markdown" -- "$cur"))
      return ;;
    --color)
      COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
      return ;;
    --fail-on)
      COMPREPLY=($(compgen -W "error warning info never" -- "$cur"))
      return ;;
    --explain | --enable | --disable)
      local rules
      rules=$(claimlint --list-rules 2>/dev/null | awk 'NF == 3 { print $1 }')
      COMPREPLY=($(compgen -W "$rules" -- "$cur"))
      return ;;
    --changed-since | --changed-first)
      COMPREPLY=($(compgen -W "$(git for-each-ref --format='%(refname:short)' 2>/dev/null)" -- "$cur"))
      return ;;
    --jobs | -j | --shard | --stdin-filename)
      return ;;
    --output | -o | --sarif | --summary | --config | -c | --rules | --references | \
      --baseline | --write-baseline | --print-config | --write-rule-docs)
      COMPREPLY=($(compgen -f -- "$cur"))
      return ;;
    --root)
      COMPREPLY=($(compgen -d -- "$cur"))
      return ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    return
  fi
  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=($(compgen -W "report lsp" -- "$cur") $(compgen -f -- "$cur"))
    return
  fi
  COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _claimlint claimlint
