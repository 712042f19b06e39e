# The pipeline's stages (folders of lint/), in dependency order, and the
# stages each may use. A stage may include headers of, and link, only the
# stages listed for it (and its own). cmake/check_layers.cmake enforces it.
set(CLAIMLINT_STAGES
  base text data strength rules document genre context references citations checks suppress
  config baseline engine report lsp cli)
set(CLAIMLINT_DEPS_base "")
set(CLAIMLINT_DEPS_text base)
set(CLAIMLINT_DEPS_data "")
set(CLAIMLINT_DEPS_strength base text data)
set(CLAIMLINT_DEPS_rules base text data)
set(CLAIMLINT_DEPS_document base text)
set(CLAIMLINT_DEPS_genre base text data rules document)
set(CLAIMLINT_DEPS_context base text data)
set(CLAIMLINT_DEPS_references base text document)
set(CLAIMLINT_DEPS_citations base text strength rules document context references)
set(CLAIMLINT_DEPS_checks base text strength rules document genre context references citations)
set(CLAIMLINT_DEPS_suppress base text document)
set(CLAIMLINT_DEPS_config base text data rules)
set(CLAIMLINT_DEPS_baseline base text)
set(CLAIMLINT_DEPS_engine
  base text data strength rules document genre context references citations checks suppress config
  baseline)
set(CLAIMLINT_DEPS_report base text rules document genre engine)
set(CLAIMLINT_DEPS_lsp base text rules document config engine report)
set(CLAIMLINT_DEPS_cli
  base text data strength rules document genre context references citations checks suppress config
  baseline engine report lsp)
