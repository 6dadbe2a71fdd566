#include "cli/terminal_io.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "planfile/document_tree.h"

namespace planscore::cli {

std::string read_file(const std::string& path, std::size_t max_bytes, const std::string& what) {
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (error || !std::filesystem::exists(status))
    throw CommandError("cannot read " + path + ": no such file");
  if (std::filesystem::is_directory(status))
    throw CommandError(path + " is a directory; give a file");
  if (!std::filesystem::is_regular_file(status))
    throw CommandError(path + " is not a regular file (a device, pipe or socket); give a file");
  const auto size = std::filesystem::file_size(path, error);
  if (error) throw CommandError("cannot read " + path + ": " + error.message());
  const auto too_large = [&](std::uintmax_t bytes) {
    return CommandError(
        fmt::format("{} is {} bytes; {} are limited to {} bytes", path, bytes, what, max_bytes));
  };
  if (size > max_bytes) throw too_large(size);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CommandError("cannot read " + path);
  // Reads one byte past the limit, in case the file grew since its size was taken.
  std::string text(max_bytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in.bad()) throw CommandError("cannot read " + path);
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.size() > max_bytes) throw too_large(text.size());
  return text;
}

std::string read_plan_file(const std::string& path) {
  return read_file(path, planfile::kMaxInputBytes, "plan files");
}

void write_output(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::cout << text;
    return;
  }
  std::ofstream out(path, std::ios::binary);
  if (!out || !(out << text)) throw CommandError("cannot write " + path);
}

std::string read_password() {
  std::string password;
  if (!std::getline(std::cin, password)) throw CommandError("no password on standard input");
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

void print_new_password(const std::string& password) {
  std::cout << "password (shown once; to be changed at the first sign-in): " << password << "\n";
}

void print_error(const std::string& message, const core::Problems& problems) {
  std::cerr << "error: " << message << "\n";
  for (const auto& problem : problems) std::cerr << "  " << core::to_string(problem) << "\n";
}

}  // namespace planscore::cli
