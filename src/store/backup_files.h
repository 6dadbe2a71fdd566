#pragma once
// Writing a backup file so that it is either whole and on disk under its final name or
// not there at all: temporary files removed on every way out, fsync of the file and its
// directory, and a rename that does not replace unless asked.
#include <string>

namespace planscore::store {

// A database file and the journal, WAL and shared-memory files SQLite may add beside it.
void remove_database_files(const std::string& path) noexcept;

// Temporary files go away on every path out, the failing ones included.
class RemoveOnExit {
 public:
  explicit RemoveOnExit(std::string path) : path_(std::move(path)) {}
  ~RemoveOnExit() { remove_database_files(path_); }
  RemoveOnExit(const RemoveOnExit&) = delete;
  RemoveOnExit& operator=(const RemoveOnExit&) = delete;

 private:
  std::string path_;
};

// A renamed file survives a power cut only when its bytes and then its directory entry
// are on disk. Both throw StoreError.
void sync_file(const std::string& path);
void sync_directory_of(const std::string& path);

// Gives the finished copy its final name in one step. Without `replace` an existing file
// is refused by the rename itself, so a file appearing meanwhile is not overwritten.
void publish(const std::string& from, const std::string& to, bool replace);

}  // namespace planscore::store
