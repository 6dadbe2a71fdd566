#include "cli/commands.h"

#include <CLI/CLI.hpp>

#include "store/store.h"

namespace planscore::cli {

std::unique_ptr<store::Store> Database::open() const {
  return store::open_or_create(url);
}

void Commands::add(CLI::App* command, Handler handler) {
  handlers_.emplace_back(command, std::move(handler));
}

const Handler* Commands::parsed() const {
  for (const auto& [command, handler] : handlers_)
    if (command->parsed()) return &handler;
  return nullptr;
}

}  // namespace planscore::cli
