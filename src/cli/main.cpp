#include "cli/app.h"

int main(int argc, char** argv) {
  return planscore::cli::run(argc, argv);
}
