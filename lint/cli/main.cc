// The claimlint command: all the work is in lint/cli/run.cc.
#include "lint/cli/run.h"

int main(int argc, char** argv) { return claimlint::RunCli(argc, argv); }
