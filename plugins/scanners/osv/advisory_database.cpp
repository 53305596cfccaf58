#include "advisory_database.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>

#include "advisory_parser.h"
#include "mapped_file.h"
#include "zip_reader.h"

namespace assay::osv {
namespace {

namespace fs = std::filesystem;

bool has_extension(const fs::path& path, std::string_view extension) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](char c) { return static_cast<char>(std::tolower(c)); });
  return ext == extension;
}

// One JSON document of the database: a file, or a member of an archive.
struct Source {
  std::string origin;         // what problems and findings name
  size_t archive = SIZE_MAX;  // index into Archives, or SIZE_MAX for a file
  size_t member = 0;
  std::string unreadable;  // why an archive could not be opened; kept in path order
};

struct Archive {
  std::string path;
  std::unique_ptr<MappedFile> file;
  std::unique_ptr<ZipReader> zip;
};

// What reading one source gave: an advisory or the reason it was skipped.
struct Outcome {
  std::optional<Advisory> advisory;
  std::string problem_origin;
  std::string problem;
};

void list_sources(const fs::path& file, std::vector<Archive>& archives, std::vector<Source>& sources) {
  const std::string origin = file.string();
  if (has_extension(file, ".json")) {
    sources.push_back({origin, SIZE_MAX, 0, {}});
    return;
  }
  try {
    Archive archive{origin, std::make_unique<MappedFile>(origin), nullptr};
    archive.zip = std::make_unique<ZipReader>(archive.file->bytes());
    for (size_t i = 0; i < archive.zip->members().size(); ++i) {
      const std::string& name = archive.zip->members()[i].name;
      if (has_extension(name, ".json")) sources.push_back({origin + ":" + name, archives.size(), i, {}});
    }
    archives.push_back(std::move(archive));
  } catch (const std::runtime_error& e) {
    sources.push_back({origin, SIZE_MAX, 0, e.what()});
  }
}

Outcome read_source(const Source& source, const std::vector<Archive>& archives) {
  Outcome out;
  try {
    if (source.archive == SIZE_MAX) {
      const MappedFile file(source.origin);
      out.advisory = parse_advisory(file.bytes());
    } else {
      const Archive& archive = archives[source.archive];
      try {
        out.advisory = parse_advisory(archive.zip->read(archive.zip->members()[source.member]));
      } catch (const ZipError& e) {
        out.problem_origin = archive.path;
        out.problem = e.what();
      }
    }
  } catch (const std::runtime_error& e) {
    out.problem_origin = source.origin;
    out.problem = e.what();
  }
  return out;
}

std::vector<fs::path> database_files(const fs::path& root) {
  std::vector<fs::path> files;
  std::error_code error;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error);
  if (error) throw DatabaseError(root.string() + ": cannot read the directory: " + error.message());
  for (; it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (error) throw DatabaseError(root.string() + ": cannot read the directory: " + error.message());
    if (!it->is_regular_file(error)) continue;
    if (has_extension(it->path(), ".json") || has_extension(it->path(), ".zip")) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::set<std::pair<Ecosystem, std::string>> package_keys(const Advisory& advisory) {
  std::set<std::pair<Ecosystem, std::string>> keys;
  for (const AffectedPackage& p : advisory.affected)
    keys.emplace(p.ecosystem, normalize_package_name(p.ecosystem, p.name));
  return keys;
}

}  // namespace

AdvisoryDatabase::AdvisoryDatabase() = default;
AdvisoryDatabase::~AdvisoryDatabase() = default;
AdvisoryDatabase::AdvisoryDatabase(AdvisoryDatabase&&) noexcept = default;
AdvisoryDatabase& AdvisoryDatabase::operator=(AdvisoryDatabase&&) noexcept = default;

void run_sequentially(size_t count, const std::function<void(size_t)>& fn) {
  for (size_t i = 0; i < count; ++i) fn(i);
}

AdvisoryDatabase AdvisoryDatabase::load(const std::string& path, const ParallelFor& parallel) {
  AdvisoryDatabase db;
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (error || !fs::exists(status)) throw DatabaseError(path + ": no such file or directory");
  std::vector<fs::path> files;
  if (fs::is_directory(status)) {
    files = database_files(path);
  } else if (fs::is_regular_file(status) && (has_extension(path, ".zip") || has_extension(path, ".json"))) {
    files.emplace_back(path);
  } else {
    throw DatabaseError(path + ": not a directory, .zip or .json file");
  }
  std::vector<Archive> archives;
  std::vector<Source> sources;
  for (const fs::path& file : files) list_sources(file, archives, sources);
  std::vector<Outcome> outcomes(sources.size());
  parallel(sources.size(), [&](size_t i) {
    if (sources[i].unreadable.empty()) outcomes[i] = read_source(sources[i], archives);
  });
  for (size_t i = 0; i < sources.size(); ++i) {
    if (!sources[i].unreadable.empty()) {
      db.add_problem(sources[i].origin, sources[i].unreadable);
    } else if (outcomes[i].advisory) {
      db.add_advisory(std::move(*outcomes[i].advisory), sources[i].origin);
    } else {
      ++db.stats_.documents;
      db.add_problem(std::move(outcomes[i].problem_origin), std::move(outcomes[i].problem));
    }
  }
  return db;
}

void AdvisoryDatabase::add_problem(std::string origin, std::string message) {
  ++stats_.malformed;
  problems_.push_back({std::move(origin), std::move(message)});
}

void AdvisoryDatabase::add_document(std::string_view json_text, const std::string& origin) {
  Advisory advisory;
  try {
    advisory = parse_advisory(json_text);
  } catch (const AdvisoryError& e) {
    ++stats_.documents;
    add_problem(origin, e.what());
    return;
  }
  add_advisory(std::move(advisory), origin);
}

void AdvisoryDatabase::add_advisory(Advisory advisory, const std::string& origin) {
  ++stats_.documents;
  advisory.origin = origin;
  if (advisory.withdrawn) {
    ++stats_.withdrawn;
    return;
  }
  if (advisory.affected.empty()) {
    ++stats_.other_ecosystems;
    return;
  }
  auto existing = by_id_.find(advisory.id);
  if (existing != by_id_.end()) {
    ++stats_.superseded;
    // The copy modified later is authoritative (OSV schema, "modified").
    if (existing->second->modified >= advisory.modified) return;
    unindex(*existing->second);
    --stats_.advisories;
    by_id_.erase(existing);
  }
  auto owned = std::make_unique<Advisory>(std::move(advisory));
  index(*owned);
  ++stats_.advisories;
  by_id_.emplace(owned->id, std::move(owned));
}

void AdvisoryDatabase::index(const Advisory& advisory) {
  for (const auto& key : package_keys(advisory)) {
    auto& list = by_package_[key];
    const auto at = std::lower_bound(list.begin(), list.end(), &advisory,
                                     [](const Advisory* a, const Advisory* b) { return a->id < b->id; });
    list.insert(at, &advisory);
  }
}

void AdvisoryDatabase::unindex(const Advisory& advisory) {
  for (const auto& key : package_keys(advisory)) {
    auto& list = by_package_[key];
    list.erase(std::remove(list.begin(), list.end(), &advisory), list.end());
  }
}

const std::vector<const Advisory*>& AdvisoryDatabase::lookup(Ecosystem ecosystem,
                                                             std::string_view normalized_name) const {
  static const std::vector<const Advisory*> none;
  const auto it = by_package_.find(std::make_pair(ecosystem, std::string(normalized_name)));
  return it == by_package_.end() ? none : it->second;
}

}  // namespace assay::osv
