// The findings cache of file-local scanners in the SQLite store (schema 4,
// tables finding_caches and cached_findings; docs/state.md).
#include "state/sqlite_access.h"
#include "state/sqlite_db.h"

namespace assay::state {

std::optional<FindingCacheRecord> SqliteAccess::finding_cache(int64_t repository_id,
                                                              const std::string& scanner) {
  Statement& s = db_.cached(
      "SELECT version, config_digest, scan_id FROM finding_caches WHERE repository_id = ?1 AND scanner = ?2");
  s.bind(1, repository_id).bind(2, scanner);
  if (!s.step()) return std::nullopt;
  FindingCacheRecord record{repository_id, scanner, s.text(0), s.text(1), s.text(2)};
  s.reset();
  return record;
}

std::vector<CachedFileRecord> SqliteAccess::cached_files(int64_t repository_id, const std::string& scanner) {
  Statement& s = db_.cached(
      "SELECT path, content_digest, context_digest, findings FROM cached_findings"
      " WHERE repository_id = ?1 AND scanner = ?2 ORDER BY path");
  s.bind(1, repository_id).bind(2, scanner);
  std::vector<CachedFileRecord> files;
  while (s.step()) files.push_back({s.text(0), s.text(1), s.text(2), s.text(3)});
  return files;
}

void SqliteAccess::for_each_cached_file(int64_t repository_id, const std::string& scanner,
                                        const std::function<void(const CachedFileView&)>& visit) {
  // The primary key's BINARY order is memcmp's, which is std::string's.
  Statement& s = db_.cached(
      "SELECT path, content_digest, context_digest, findings FROM cached_findings"
      " WHERE repository_id = ?1 AND scanner = ?2 ORDER BY path");
  s.bind(1, repository_id).bind(2, scanner);
  try {
    while (s.step()) visit({s.text_view(0), s.text_view(1), s.text_view(2), s.text_view(3)});
  } catch (...) {
    s.reset();
    throw;
  }
}

void SqliteAccess::put_finding_cache(const FindingCacheRecord& cache) {
  // An upsert, not INSERT OR REPLACE: a replaced row would take its files
  // with it (ON DELETE CASCADE).
  db_.cached(
         "INSERT INTO finding_caches (repository_id, scanner, version, config_digest, scan_id)"
         " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (repository_id, scanner) DO UPDATE SET"
         " version = excluded.version, config_digest = excluded.config_digest, scan_id = excluded.scan_id")
      .bind(1, cache.repository_id)
      .bind(2, cache.scanner)
      .bind(3, cache.version)
      .bind(4, cache.config_digest)
      .bind(5, cache.scan_id)
      .run();
}

void SqliteAccess::put_cached_file(int64_t repository_id, const std::string& scanner,
                                   const CachedFileRecord& file) {
  // An unchanged file's row is compared, not rewritten: a rescan of an
  // unchanged tree then writes no page of the cache.
  db_.cached(
         "INSERT INTO cached_findings (repository_id, scanner, path, content_digest, context_digest, findings)"
         " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (repository_id, scanner, path) DO UPDATE SET"
         " content_digest = excluded.content_digest, context_digest = excluded.context_digest,"
         " findings = excluded.findings WHERE content_digest != excluded.content_digest"
         " OR context_digest != excluded.context_digest OR findings != excluded.findings")
      .bind(1, repository_id)
      .bind(2, scanner)
      .bind(3, file.path)
      .bind(4, file.content_digest)
      .bind(5, file.context_digest)
      .bind(6, file.findings)
      .run();
}

void SqliteAccess::delete_cached_file(int64_t repository_id, const std::string& scanner,
                                      const std::string& path) {
  db_.cached("DELETE FROM cached_findings WHERE repository_id = ?1 AND scanner = ?2 AND path = ?3")
      .bind(1, repository_id)
      .bind(2, scanner)
      .bind(3, path)
      .run();
}

void SqliteAccess::delete_finding_cache(int64_t repository_id, const std::string& scanner) {
  db_.cached("DELETE FROM cached_findings WHERE repository_id = ?1 AND scanner = ?2")
      .bind(1, repository_id)
      .bind(2, scanner)
      .run();
  db_.cached("DELETE FROM finding_caches WHERE repository_id = ?1 AND scanner = ?2")
      .bind(1, repository_id)
      .bind(2, scanner)
      .run();
}

}  // namespace assay::state
