#pragma once
// A register's records as open data: CSV (columns named as the register's fields, so the
// file imports back) or JSON, of one ROC year or all, or of what the filters on screen
// keep. A register may hold millions of
// records, so the export is written a page at a time: memory stays bounded, each page
// costs the same however far in it starts, and a reader that goes away stops it.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/plan/plan.h"
#include "service/reports.h"
#include "store/store.h"

namespace planscore::service {

// Takes the next piece of a report; false when nobody is reading any more (the export
// stops there).
using ReportSink = std::function<bool(std::string_view piece)>;

// How a CSV export writes dates: ISO (2015-03-15), or ROC as people type them (104/03/15);
// the import reads both.
enum class ExportDates { iso, roc };

class RegisterExport {
 public:
  // Throws Failure(not_found) for a register the plan lacks and Failure(invalid) for a
  // format other than csv or json, as the other reports do. `plan` must outlive the export.
  RegisterExport(const core::Plan& plan, const std::string& register_id, store::RecordScope scope,
                 ReportFormat format, ExportDates dates = ExportDates::iso);

  const std::string& content_type() const { return content_type_; }
  const std::string& file_name() const { return file_name_; }

  // Writes the whole export to `sink`, `page_size` records a piece; false when the sink
  // stopped it.
  bool write(store::Store& store, const ReportSink& sink, std::int64_t page_size = 2000) const;

 private:
  const core::RegisterDef& register_def_;
  store::RecordScope scope_;
  ReportFormat format_;
  ExportDates dates_;
  std::string content_type_;
  std::string file_name_;
};

// The CSV an import expects: the register's field names as the header, no rows.
ReportFile register_import_template(const core::Plan& plan, const std::string& register_id);

}  // namespace planscore::service
