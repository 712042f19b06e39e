# `cmake --install`: the binary, the man page, bash completion and the docs in
# the usual places; CPack turns the same into a .deb (and a tarball).
include(GNUInstallDirs)

install(TARGETS claimlint RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# Debian wants man pages compressed (gzip -n: no name or time stamp in the
# header, so the package is reproducible).
find_program(CLAIMLINT_GZIP gzip)
if(CLAIMLINT_GZIP)
  set(man_gz ${CMAKE_BINARY_DIR}/claimlint.1.gz)
  add_custom_command(
    OUTPUT ${man_gz}
    COMMAND ${CLAIMLINT_GZIP} -9 -n -c ${CMAKE_SOURCE_DIR}/docs/claimlint.1 > ${man_gz}
    DEPENDS ${CMAKE_SOURCE_DIR}/docs/claimlint.1
    COMMENT "Compressing the man page")
  add_custom_target(claimlint_man ALL DEPENDS ${man_gz})
  install(FILES ${man_gz} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  install(FILES docs/claimlint.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()
install(FILES tools/completion/claimlint.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME claimlint)
install(FILES README.md CHANGELOG.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs
        PATTERN "claimlint.1" EXCLUDE)
install(FILES examples/content-repo-workflow.yml DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

# Regenerates docs/claimlint.1 and docs/rules/ from the built binary (the
# tests check that the checked-in copies are current).
find_program(CLAIMLINT_DOCS_PYTHON NAMES python3)
if(CLAIMLINT_DOCS_PYTHON)
  add_custom_target(claimlint_docs
    COMMAND ${CLAIMLINT_DOCS_PYTHON} ${CMAKE_SOURCE_DIR}/tools/make_manpage.py
            $<TARGET_FILE:claimlint> ${CMAKE_SOURCE_DIR}/docs/claimlint.1
    COMMAND $<TARGET_FILE:claimlint> --write-rule-docs ${CMAKE_SOURCE_DIR}/docs/rules
    DEPENDS claimlint
    COMMENT "Regenerating docs/claimlint.1 and docs/rules/"
    VERBATIM)
endif()

set(CPACK_PACKAGE_NAME claimlint)
set(CPACK_PACKAGE_VENDOR "claimlint maintainers")
set(CPACK_PACKAGE_CONTACT "claimlint maintainers <claimlint@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "linter for health articles: unsupported claims, citations, risk disclosures")
set(CPACK_PACKAGE_DESCRIPTION
    "claimlint audits health articles (Markdown, plain text) for unsupported health claims, loose or wrong citations, missing risk disclosures and missing trust signals. It reports as text, JSON, SARIF, GitHub annotations or an HTML review page, and runs as a language server for editors.")
set(CPACK_PACKAGE_HOMEPAGE_URL ${CLAIMLINT_HOMEPAGE})
set(CPACK_RESOURCE_FILE_README ${CMAKE_SOURCE_DIR}/README.md)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB TGZ)
set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "__pycache__")
# claimlint_0.1.0_amd64.deb: Debian's file name, which `apt-get install ./claimlint_*.deb` finds.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Depends from dpkg-shlibdeps on the installed binary (libre2, libcmark-gfm,
# libyaml-cpp, libstdc++ at the versions it was linked against).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
include(CPack)
