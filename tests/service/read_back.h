#pragma once
// Reading report files back with tools that did not write them: poppler's pdftotext,
// and Debian's openpyxl and odfpy through tests/tools/*.py.
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

namespace planscore::testing {

inline std::string command_output(const std::string& command) {
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("cannot run " + command);
  std::array<char, 65536> buffer;
  std::size_t count;
  while ((count = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    output.append(buffer.data(), count);
  if (pclose(pipe) != 0) throw std::runtime_error("failed: " + command);
  return output;
}

// Writes `bytes` as `name` in a directory of its own, removed with the object.
class TempFile {
 public:
  TempFile(const std::string& name, const std::string& bytes) {
    dir_ = std::filesystem::temp_directory_path() /
           ("planscore-read-back-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)) + "-" +
            std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / name).string();
    std::ofstream(path_, std::ios::binary) << bytes;
  }
  ~TempFile() { std::filesystem::remove_all(dir_); }
  const std::string& path() const { return path_; }

 private:
  std::filesystem::path dir_;
  std::string path_;
};

// Text with every space and line break removed, so wrapped table cells read as one string.
inline std::string without_whitespace(const std::string& text) {
  std::string flat;
  for (char c : text)
    if (c != ' ' && c != '\n' && c != '\t' && c != '\f' && c != '\r') flat += c;
  return flat;
}

// pdftotext -raw keeps the content stream's order, in which each table cell's lines follow
// one another; -layout would interleave the lines of neighbouring cells.
inline std::string pdf_text(const std::string& pdf_bytes) {
  TempFile file("report.pdf", pdf_bytes);
  return without_whitespace(command_output("pdftotext -raw -enc UTF-8 '" + file.path() + "' -"));
}

inline std::string odt_text(const std::string& odt_bytes) {
  TempFile file("report.odt", odt_bytes);
  return without_whitespace(command_output("/usr/bin/python3 " PLANSCORE_SOURCE_DIR
                                           "/tests/tools/read_odt_text.py '" +
                                           file.path() + "'"));
}

// {"sheets": [{"name", "rows", …}]} as tests/tools/read_workbook.py reads it.
inline nlohmann::json workbook_cells(const std::string& bytes, const std::string& extension) {
  TempFile file("workbook." + extension, bytes);
  return nlohmann::json::parse(command_output("/usr/bin/python3 " PLANSCORE_SOURCE_DIR
                                              "/tests/tools/read_workbook.py '" +
                                              file.path() + "'"));
}

}  // namespace planscore::testing
