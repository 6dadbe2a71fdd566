#pragma once
// The databases the command line names by URL (a file, sqlite:PATH or
// postgresql://USER@HOST/DB): backing one up, restoring into one (made on the way when it
// is a new file, and removed again when the restore is refused), and copying one into
// another. The who-may and what-is-kept rules are backup.h's and database_copy.h's.
#include <string>

#include "core/access/role.h"
#include "service/backup.h"
#include "service/database_copy.h"

namespace planscore::service {

// The URL for messages: a PostgreSQL URL without its password.
std::string printable_database_url(const std::string& url);
bool is_postgresql_database(const std::string& url);

// Throws std::runtime_error when the SQLite file `url` names does not exist ("there is no
// database at FILE to back up").
BackupReport back_up_database_at(const std::string& url, const core::Actor& actor,
                                 const std::string& backup_path, bool replace);

// The replaced content is kept beside the database (FILE.before-restore-TIME) or, for
// PostgreSQL, as before-restore-TIME.dump beside the backup. A refused restore into a
// database that did not exist leaves no file behind.
RestoreReport restore_database_at(const std::string& url, const core::Actor& actor,
                                  const std::string& backup_path, bool replace);
// Where restore_database_at would keep what it replaces, with TIME for the moment, for a
// message before there is one.
std::string kept_content_pattern(const std::string& url, const std::string& backup_path);

// `from` must exist; `to` may be a new file or an empty PostgreSQL database.
CopyReport copy_database_at(const std::string& from, const std::string& to);

}  // namespace planscore::service
