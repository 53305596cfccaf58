#include "advisory_database.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

#include "advisory_parser.h"
#include "mapped_file.h"
#include "zip_reader.h"

namespace assay::osv {
namespace {

namespace fs = std::filesystem;

bool has_extension(const fs::path& path, std::string_view extension) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](char c) { return static_cast<char>(std::tolower(c)); });
  return ext == extension;
}

void load_json_file(AdvisoryDatabase& db, const fs::path& file) {
  const std::string origin = file.string();
  try {
    const MappedFile mapped(origin);
    db.add_document(mapped.bytes(), origin);
  } catch (const std::runtime_error& e) {
    db.add_problem(origin, e.what());
  }
}

void load_zip_file(AdvisoryDatabase& db, const fs::path& file) {
  const std::string origin = file.string();
  try {
    const MappedFile mapped(origin);
    const ZipReader zip(mapped.bytes());
    for (const ZipMember& member : zip.members()) {
      if (!has_extension(member.name, ".json")) continue;
      const std::string member_origin = origin + ":" + member.name;
      try {
        db.add_document(zip.read(member), member_origin);
      } catch (const ZipError& e) {
        db.add_problem(origin, e.what());
      }
    }
  } catch (const std::runtime_error& e) {
    db.add_problem(origin, e.what());
  }
}

void load_file(AdvisoryDatabase& db, const fs::path& file) {
  if (has_extension(file, ".zip")) {
    load_zip_file(db, file);
  } else if (has_extension(file, ".json")) {
    load_json_file(db, file);
  }
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
  for (const AffectedPackage& p : advisory.affected) keys.emplace(p.ecosystem, normalize_package_name(p.ecosystem, p.name));
  return keys;
}

}  // namespace

AdvisoryDatabase::AdvisoryDatabase() = default;
AdvisoryDatabase::~AdvisoryDatabase() = default;
AdvisoryDatabase::AdvisoryDatabase(AdvisoryDatabase&&) noexcept = default;
AdvisoryDatabase& AdvisoryDatabase::operator=(AdvisoryDatabase&&) noexcept = default;

AdvisoryDatabase AdvisoryDatabase::load(const std::string& path) {
  AdvisoryDatabase db;
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (error || !fs::exists(status)) throw DatabaseError(path + ": no such file or directory");
  if (fs::is_directory(status)) {
    for (const fs::path& file : database_files(path)) load_file(db, file);
  } else if (fs::is_regular_file(status) && (has_extension(path, ".zip") || has_extension(path, ".json"))) {
    load_file(db, path);
  } else {
    throw DatabaseError(path + ": not a directory, .zip or .json file");
  }
  return db;
}

void AdvisoryDatabase::add_problem(std::string origin, std::string message) {
  ++stats_.malformed;
  problems_.push_back({std::move(origin), std::move(message)});
}

void AdvisoryDatabase::add_document(std::string_view json_text, const std::string& origin) {
  ++stats_.documents;
  Advisory advisory;
  try {
    advisory = parse_advisory(json_text);
  } catch (const AdvisoryError& e) {
    add_problem(origin, e.what());
    return;
  }
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
