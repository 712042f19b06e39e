// The benchmark's baseline: a bare cmark-gfm parse (same extensions and
// options as claimlint) plus an AST walk that touches every literal, over the
// files named on the command line. Prints bytes and nodes so the work cannot
// be optimised away.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

int main(int argc, char** argv) {
  cmark_gfm_core_extensions_ensure_registered();
  std::size_t bytes = 0, nodes = 0, chars = 0;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    bytes += text.size();
    cmark_parser* parser = cmark_parser_new(CMARK_OPT_FOOTNOTES);
    for (const char* name : {"table", "autolink", "strikethrough", "tagfilter"}) {
      if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
        cmark_parser_attach_syntax_extension(parser, ext);
      }
    }
    cmark_parser_feed(parser, text.data(), text.size());
    cmark_node* root = cmark_parser_finish(parser);
    cmark_iter* iter = cmark_iter_new(root);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
      if (ev != CMARK_EVENT_ENTER) continue;
      cmark_node* node = cmark_iter_get_node(iter);
      ++nodes;
      if (const char* lit = cmark_node_get_literal(node)) {
        for (const char* p = lit; *p; ++p) chars += static_cast<unsigned char>(*p) > ' ';
      }
    }
    cmark_iter_free(iter);
    cmark_node_free(root);
    cmark_parser_free(parser);
  }
  std::printf("%zu bytes, %zu nodes, %zu characters\n", bytes, nodes, chars);
  return 0;
}
