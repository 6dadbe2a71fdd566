#include "store/backup_files.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "store/store.h"

namespace planscore::store {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail_with_errno(const std::string& what, int error) {
  throw StoreError(what + ": " + std::strerror(error));
}

}  // namespace

void remove_database_files(const std::string& path) noexcept {
  std::error_code ignored;
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(path + suffix, ignored);
}

void sync_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail_with_errno("cannot open '" + path + "' to write it to disk", errno);
  const int result = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  if (result != 0) fail_with_errno("cannot write '" + path + "' to disk", error);
}

void sync_directory_of(const std::string& path) {
  const fs::path parent = fs::path(path).parent_path();
  const std::string directory = parent.empty() ? "." : parent.string();
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) fail_with_errno("cannot open directory '" + directory + "' to sync it", errno);
  const int result = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  if (result != 0) fail_with_errno("cannot sync directory '" + directory + "'", error);
}

void publish(const std::string& from, const std::string& to, bool replace) {
  if (replace) {
    if (std::rename(from.c_str(), to.c_str()) != 0)
      fail_with_errno("cannot rename '" + from + "' to '" + to + "'", errno);
    return;
  }
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return;
  if (errno == EEXIST) throw StoreError("'" + to + "' already exists");
  if (errno != EINVAL && errno != ENOSYS)
    fail_with_errno("cannot rename '" + from + "' to '" + to + "'", errno);
  // A file system without RENAME_NOREPLACE: link() refuses an existing name too.
  if (::link(from.c_str(), to.c_str()) != 0)
    fail_with_errno("cannot link '" + from + "' as '" + to + "'", errno);
  ::unlink(from.c_str());
}

}  // namespace planscore::store
