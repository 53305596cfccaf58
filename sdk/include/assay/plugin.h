/*
 * assay plugin ABI, version 1.4 (1.1 added the history functions and
 * report_assessment at the end of assay_host_api; 1.2 added deliver after
 * them, and scanner_flags at the end of assay_plugin; 1.3 added
 * commits_since after deliver, and json_flags at the end of assay_item; 1.4
 * added cache_get and cache_put after commits_since).
 *
 * This header is the only contract between the assay host and a plugin. It is
 * plain C so that plugins can be written in C, C++ or any language with a C
 * FFI, and so that a plugin built against an older release keeps loading in a
 * newer host. The host's C++ types never cross this boundary.
 *
 * Rules (see docs/plugin-guide.md for the long form):
 *  1. A plugin exports exactly one symbol, `assay_plugin_init` (see the end of
 *     this file). Everything else is reached through the function tables below.
 *     Build with -fvisibility=hidden; the host loads with RTLD_NOW|RTLD_LOCAL.
 *  2. Version handshake: the plugin states the {major, minor} it was built
 *     against. Majors must match; the host's minor must be >= the plugin's.
 *  3. Every struct that crosses starts with `size_t struct_size` and only ever
 *     grows at the end. A reader uses min(struct_size, sizeof what it knows);
 *     a size larger than the host knows is refused at load.
 *  4. A plugin's kind follows from which function group it fills. A group that
 *     is only partly filled is a load error.
 *  5. Handles are opaque. A plugin keeps no global state; init may run twice.
 *  6. Whoever allocates frees. Strings a plugin returns stay valid until the
 *     next call on the same handle. Strings the host passes are valid for the
 *     duration of the call only: copy what you keep.
 *  7. Errors are status codes plus last_error(). No exception crosses.
 *  8. Every function below states its threading contract.
 *  9. Plugins stay loaded for the life of the process.
 * 10. name, version, kind and the JSON schema of the plugin's configuration are
 *     available right after init, without opening an instance.
 */
#ifndef ASSAY_PLUGIN_H
#define ASSAY_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ASSAY_API_MAJOR 1
/* 1.2 appends `deliver` to assay_host_api (durable delivery for reporters),
   after the 1.1 additions (history, maturity), and `scanner_flags` to
   assay_plugin (file-local scanners, incremental scans). 1.3 appends
   `commits_since` to assay_host_api (a history count without a call per
   commit of every file) and `json_flags` to assay_item (item text a
   reporter may lay out unchecked). 1.4 appends `cache_get` and `cache_put`
   to assay_host_api (a key-value cache the host keeps per scanner across
   scans, so that work on unchanged files is not redone). */
#define ASSAY_API_MINOR 4

/* Longest error message the host keeps, including the terminating NUL. */
#define ASSAY_MAX_ERROR 512

#if defined(_WIN32)
#define ASSAY_EXPORT __declspec(dllexport)
#else
#define ASSAY_EXPORT __attribute__((visibility("default")))
#endif

/* Status codes returned by every fallible function on both sides. */
typedef enum assay_status {
  ASSAY_OK = 0,
  ASSAY_ERROR = 1,        /* generic failure; details in last_error / set_error */
  ASSAY_CANCELLED = 2,    /* the host asked the scan to stop */
  ASSAY_INVALID = 3,      /* an argument was out of range or malformed */
  ASSAY_NO_MEMORY = 4,
  ASSAY_UNSUPPORTED = 5   /* the call is not available in this host */
} assay_status;

typedef enum assay_plugin_kind {
  ASSAY_KIND_SCANNER = 1,  /* discovers findings in the scan target */
  ASSAY_KIND_REPORTER = 2  /* receives the scored backlog after a scan */
} assay_plugin_kind;

typedef enum assay_log_level {
  ASSAY_LOG_TRACE = 0,
  ASSAY_LOG_DEBUG = 1,
  ASSAY_LOG_INFO = 2,
  ASSAY_LOG_WARN = 3,
  ASSAY_LOG_ERROR = 4
} assay_log_level;

/* Opaque to plugins: the host's context for one loaded plugin. */
typedef struct assay_host assay_host;
/* Opaque to plugins: one running scan, valid during scanner_scan only. */
typedef struct assay_scan assay_scan;
/* Opaque to the host: whatever a plugin allocates per instance. */
typedef struct assay_instance assay_instance;

/* One file of the scan target. Filled by assay_host_api.file_info. */
typedef struct assay_file_info {
  size_t struct_size;
  const char* path;      /* relative to the repository root, '/' separated */
  uint64_t size;         /* bytes */
  const char* blob_id;   /* 40-hex git blob id, or "" when not known */
  const char* language;  /* lower-case guess from name ("cpp", "python"), or "" */
} assay_file_info;

/* The contents of one file, owned by the host until file_release. */
typedef struct assay_blob {
  size_t struct_size;
  const char* data;  /* not NUL-terminated */
  size_t size;
  void* host_private; /* do not touch */
} assay_blob;

/*
 * One finding emitted by a scanner. All strings are UTF-8 and are copied by
 * the host before emit returns. Optional fields may be NULL (strings), 0
 * (lines) or negative (numbers): the host then applies its configured
 * defaults.
 */
typedef struct assay_finding {
  size_t struct_size;
  const char* rule;         /* required: rule or tag id, e.g. "FIXME" */
  const char* title;        /* required: one line for the backlog */
  const char* category;     /* security, dependency, technical-debt, performance,
                               testing, documentation, infrastructure,
                               code-quality, compliance, feature */
  const char* path;         /* repository-relative path, or NULL */
  uint32_t line_start;      /* 1-based, 0 when not line-bound */
  uint32_t line_end;        /* >= line_start, 0 when not line-bound */
  const char* evidence;     /* the text that shows the finding (comment, snippet);
                               it is part of the item's identity, so it should
                               not contain line numbers */
  double effort_hours;      /* estimate, < 0 unknown */
  double confidence;        /* 0..1, < 0 unknown */
  const char* severity;     /* info, low, medium, high, critical, or NULL */
  double cvss;              /* CVSS base score 0..10, < 0 unknown */
  const char* const* tags;  /* tag_count strings, may be NULL */
  size_t tag_count;
  const char* identity;     /* optional stable identity the scanner already
                               has (e.g. a SARIF partialFingerprint) */
  const char* details_json; /* optional JSON object of scanner-specific evidence */
} assay_finding;

/* One scored backlog item, handed to reporters. Read-only. */
typedef struct assay_item {
  size_t struct_size;
  const char* key;          /* stable backlog key, e.g. "TD-001" */
  const char* fingerprint;  /* hex identity of the item */
  const char* title;
  const char* category;
  const char* source;       /* name of the scanner that found it */
  const char* rule;
  const char* path;         /* "" when not file-bound */
  uint32_t line_start;
  uint32_t line_end;
  double effort_hours;
  double wsjf;
  double ice;
  double technical_debt;
  double security;
  double composite;
  double value_usd;
  double risk;
  uint32_t rank;            /* 1-based position in the backlog */
  const char* json;         /* the whole item as a JSON object, including the
                               score breakdown, as written to backlog.json */
  /* --- API 1.3: read only when struct_size covers it (0 otherwise) --- */
  uint32_t json_flags;      /* ASSAY_ITEM_JSON_* bits: what the host vouches
                               for about `json` */
} assay_item;

/* `json` is exactly the text nlohmann::json's compact dump (dump() with
   ensure_ascii off) prints for the object it holds, and parsing it back keeps
   the key order: no whitespace, no repeated key, strings escaped only as that
   dump escapes them (\" \\ \b \f \n \r \t, \u00xx for other control
   characters), valid UTF-8, numbers as it prints them. A reporter may lay it
   out without checking it. */
#define ASSAY_ITEM_JSON_COMPACT_DUMP 1u

/* What a reporter learns about the scan before the items. Read-only. */
typedef struct assay_report {
  size_t struct_size;
  const char* output_dir;   /* directory where file reporters write */
  const char* repository;   /* repository root path */
  const char* commit;       /* scanned commit id, or "" for a plain directory */
  const char* next_best;    /* key of the next best item, or NULL */
  size_t item_count;        /* number of reporter_item calls that follow */
  const char* json;         /* the report header as a JSON object: schema,
                               repository, scan (with plugin runs), maturity,
                               next_best, summary; see docs/plugin-guide.md */
} assay_report;

/*
 * History facts of one file of the scan target over the configured history
 * window (API 1.1). Filled by assay_host_api.file_history.
 */
typedef struct assay_file_history {
  size_t struct_size;
  uint32_t commits;           /* commits in the window that changed the file
                                 (merges not counted, unless the host walks
                                 first parents only); a renamed file counts the
                                 commits under its earlier names too */
  uint32_t authors;           /* distinct authors of those commits, told apart
                                 by e-mail address */
  int64_t first_change;       /* author time of the oldest of those commits,
                                 seconds since 1970-01-01 UTC; 0 when commits
                                 is 0 */
  int64_t last_change;        /* author time of the newest; 0 when commits is 0 */
  double hotspot_multiplier;  /* what the host's scoring stage applies to every
                                 finding in this file (docs/scoring.md); 1 is
                                 an ordinary file */
  uint32_t flags;             /* ASSAY_HISTORY_* bits */
} assay_file_history;

/* The walked history is cut (a shallow clone, or the window ended the walk):
   changes before the cut are not counted. */
#define ASSAY_HISTORY_CUT 1u

/* One commit (API 1.1). Filled by assay_host_api.file_commit. */
typedef struct assay_commit_info {
  size_t struct_size;
  const char* id;      /* 40-hex commit id */
  const char* author;  /* "Name <email>" */
  int64_t time;        /* author time, seconds since 1970-01-01 UTC */
} assay_commit_info;

/* What is known about where a line came from (API 1.1). */
typedef enum assay_origin_kind {
  ASSAY_ORIGIN_COMMITTED = 0,       /* the line's text entered the file in `commit` */
  ASSAY_ORIGIN_AT_OR_BEFORE = 1,    /* the line was already there when `commit`
                                       changed the file, and the walked history
                                       ends there (shallow clone, window): it
                                       entered at that commit or earlier */
  ASSAY_ORIGIN_BEFORE_HISTORY = 2,  /* the file did not change in the walked
                                       history; commit, author are "", time 0 */
  ASSAY_ORIGIN_UNCOMMITTED = 3      /* the line is not in the scanned commit (a
                                       change in the working tree); commit,
                                       author are "", time 0 */
} assay_origin_kind;

/* The origin of one line (API 1.1). Filled by assay_host_api.line_origin. */
typedef struct assay_line_origin {
  size_t struct_size;
  uint32_t kind;        /* assay_origin_kind */
  const char* commit;   /* 40-hex commit id, or "" (see kind) */
  const char* author;   /* "Name <email>" of that commit, or "" */
  int64_t time;         /* its author time, seconds since 1970-01-01 UTC, or 0 */
} assay_line_origin;

/*
 * One message for the host's durable delivery service (assay_host_api.deliver,
 * ABI 1.2): an HTTP POST of `body` to an endpoint whose URL is a secret. The
 * plugin names where the host reads the URL, never the URL itself, so the
 * URL is not stored in the outbox, and it is redacted from every log line,
 * event and error the host writes. All strings are copied before deliver
 * returns. Numbers left 0 take the host's defaults (docs/plugin-guide.md).
 */
typedef struct assay_delivery {
  size_t struct_size;
  const char* endpoint;       /* "env:NAME" (an environment variable of the host
                                 process) or "file:PATH" (first line of a file);
                                 read when queued and again at every attempt */
  const char* content_type;   /* e.g. "application/json" */
  const char* body;           /* body_size bytes */
  size_t body_size;
  const char* summary;        /* one line for logs and events; no secrets */
  uint32_t max_attempts;      /* attempts before the message is kept as dead */
  uint32_t backoff_initial_ms;/* first retry delay cap (full jitter) */
  uint32_t backoff_max_ms;    /* largest retry delay cap */
  uint32_t timeout_ms;        /* one attempt, connection included */
} assay_delivery;

/*
 * Functions the host offers. One table per loaded plugin; `host` is the
 * context to pass back. Every function may be called from any thread unless
 * stated otherwise, and none throws.
 */
typedef struct assay_host_api {
  size_t struct_size;
  uint16_t api_major;       /* the host's ABI version */
  uint16_t api_minor;
  assay_host* host;         /* pass back as the first argument below */

  /* Logs one line under the plugin's name. Any thread. */
  void (*log)(assay_host* host, assay_log_level level, const char* message);

  /* Records the reason init or scanner_open/reporter_begin failed, for calls
     that have no handle to ask last_error on. Bounded to ASSAY_MAX_ERROR.
     Any thread. */
  void (*set_error)(assay_host* host, const char* message);

  /* Memory that changes hands (none does in 1.0 or 1.1; offered for plugins
     that hand buffers to the host in later minors). Any thread. */
  void* (*alloc)(size_t size);
  void (*free)(void* ptr);

  /* --- scan target; valid only inside scanner_scan, any thread --- */

  /* Number of files in the scan target after ignore rules. */
  size_t (*file_count)(const assay_scan* scan);
  /* Fills `out` (set out->struct_size first) for file `index`. The strings
     stay valid until scanner_scan returns. */
  assay_status (*file_info)(const assay_scan* scan, size_t index, assay_file_info* out);
  /* Reads file `index` into `out` (set out->struct_size first). The data
     stay valid until file_release(out). */
  assay_status (*file_read)(const assay_scan* scan, size_t index, assay_blob* out);
  void (*file_release)(const assay_scan* scan, assay_blob* blob);

  /* Hands one finding to the scoring stage. Thread-safe; the host copies
     everything it needs before returning. Returns ASSAY_OK when accepted,
     ASSAY_INVALID when this finding was refused (a required field missing,
     an unknown category or severity, a number out of range, details_json
     not an object; the host logs why, and the scan goes on), and
     ASSAY_CANCELLED when the scan is being cancelled (stop emitting then). */
  assay_status (*emit)(const assay_scan* scan, const assay_finding* finding);

  /* Non-zero once the scan should stop. Cheap: poll it between files. */
  int (*is_cancelled)(const assay_scan* scan);

  /* Runs fn(user, i) for every i in [0, count) on the host's worker threads
     and the calling thread, and returns when all calls have returned. fn
     must be thread-safe. Returns ASSAY_CANCELLED if the scan was cancelled
     (remaining indices are skipped). */
  assay_status (*parallel_for)(const assay_scan* scan, size_t count,
                               void (*fn)(void* user, size_t index), void* user);

  /* Repository root on disk and the scanned commit ("" for a working tree
     of a plain directory). Valid until scanner_scan returns. */
  const char* (*scan_root)(const assay_scan* scan);
  const char* (*scan_commit)(const assay_scan* scan);

  /* --- history (API 1.1); valid only inside scanner_scan, any thread ---
     A plugin built for 1.1 must check that the host's table is large enough
     before calling these: a 1.0 host's struct_size ends at scan_commit (the
     C++ helpers in plugin.hpp check it). The host walks the history once per
     scan, before any scanner runs, so these are cheap lookups, except that
     the first line_origin call for a file computes the origins of all its
     lines (diffing the file's own versions); calls for different files run
     in parallel. Strings the host returns stay valid until scanner_scan
     returns. All three return ASSAY_UNSUPPORTED when the scan target has no
     history (a plain directory, a repository without commits, history
     disabled in the configuration, or a history that could not be walked;
     the host's log says which), and ASSAY_INVALID for a bad index or line,
     or an out->struct_size smaller than a size_t. As with file_info, set
     out->struct_size first; the host fills what both sides know and sets
     struct_size to that. */

  /* Facts of file `index` over the history window. A file that no commit in
     the window changed has commits 0. */
  assay_status (*file_history)(const assay_scan* scan, size_t index, assay_file_history* out);
  /* The `nth` (0 = newest) of the commits file_history counted for file
     `index`, nth < commits. */
  assay_status (*file_commit)(const assay_scan* scan, size_t index, size_t nth, assay_commit_info* out);
  /* The origin of 1-based `line` of file `index` as the scan reads it (the
     working tree or the scanned commit). Returns ASSAY_ERROR when the
     file's versions cannot be diffed (binary, larger than the configured
     limit, or an unreadable object; the host logs which object). */
  assay_status (*line_origin)(const assay_scan* scan, size_t index, uint32_t line, assay_line_origin* out);

  /* --- maturity (API 1.1); check struct_size before calling, as for the
     history functions above (plugin.hpp's helpers do) --- */

  /* Hands the scan's maturity assessment to the host; a scanner that assesses
     the repository calls it once, inside scanner_scan. `assessment_json` is a
     JSON object (docs/report-data.md, "maturity"):
       {"level": "nascent" | "developing" | "maturing" | "advanced",
        "percent": 0..100,
        "dimensions": {"<name>": 0..100 or null, ...},
        "checks": [{"id": "...", "dimension": "...",
                    "status": "pass" | "partial" | "fail" | "inconclusive",
                    "score": 0..10, or -1 when inconclusive,
                    "evidence": ["...", ...], ...}, ...]}
     Other members are kept as given. The host copies what it needs before
     returning. After every scanner has ended, the level chooses the scoring
     weights of the whole scan (docs/scoring.md), and the report header
     carries the assessment. Returns ASSAY_OK when accepted; ASSAY_INVALID
     when it is malformed (the host logs the JSON path and why) or when an
     assessment was already accepted in this scan (the first one counts);
     ASSAY_CANCELLED when the scan is being cancelled. Any thread. */
  assay_status (*report_assessment)(const assay_scan* scan, const char* assessment_json);

  /* --- 1.2: durable delivery, after the 1.1 functions. Check api_minor >= 2
     (and struct_size) before calling. --- */

  /* Queues `message` in the host's outbox (the state store) and returns
     ASSAY_OK once it is durable: the host sends it after the reporters have
     ended, one message per second per endpoint, retrying 429 (after its
     Retry-After), 5xx and timeouts with full-jitter exponential backoff up to
     max_attempts, and keeps a message that still fails, or that a 4xx
     refused, as dead (logged and counted). A message not yet sent when the
     host stops is sent by the next run. Returns ASSAY_INVALID for a
     malformed message or endpoint (an unset variable, an unreadable file, a
     URL that is not http(s)), ASSAY_UNSUPPORTED when the host keeps no
     outbox (state.enabled: false) or outside a report, ASSAY_ERROR when the
     outbox cannot be written; `error` (error_size bytes, may be NULL)
     receives why, never the URL. Only between reporter_begin and
     reporter_close; on the reporter's thread. */
  assay_status (*deliver)(assay_host* host, const assay_delivery* message, char* error, size_t error_size);

  /* --- 1.3: after deliver. Check api_minor >= 3 and struct_size before
     calling (plugin.hpp's Scan::commits_since does). --- */

  /* Sets *out to the number of distinct commits with an author time at or
     after `since` (seconds since 1970-01-01 UTC) among the commits
     file_history counts for the files this scanner is given: what asking
     file_commit for every commit of every file and counting distinct ids
     gives, in one call instead of one per commit and file. Inside
     scanner_scan, any thread. ASSAY_UNSUPPORTED when the scan has no history
     (as for the history functions above), ASSAY_INVALID when out is NULL. */
  assay_status (*commits_since)(const assay_scan* scan, int64_t since, uint64_t* out);

  /* --- 1.4: after commits_since. Check api_minor >= 4 and struct_size
     before calling (plugin.hpp's Scan::cache_get and cache_put do). ---

     A key-value cache the host keeps for each scanner across scans, so that
     a scanner can skip work on what did not change, e.g. a file's measures
     keyed by its blob id. Keys and values are bytes (not NUL-terminated);
     each scanner has its own keys, no other plugin sees them. A value must
     depend on its key alone: the host never checks it against the
     repository, and may offer it in a scan of another repository that
     shares the cache file. Put everything the value depends on into the key
     (the blob id, the language, the version of the scanner's measure). The
     host keeps the entries in a file (docs/configuration.md,
     scan.plugin_cache); after a scan in which the scanner ended successfully
     it keeps only the entries the scanner read or wrote in that scan, and it
     drops all of a scanner's entries when the scanner's version string
     changes. Entries are not durable: a damaged cache file is logged and
     dropped, and a scan without the cache (plugin_cache: "") misses every
     key. Validate what you read back. */

  /* Looks up `key` (key_size bytes, 1 to ASSAY_CACHE_MAX_KEY). On a hit sets
     *value to the entry's bytes and *value_size to their number; on a miss
     sets *value to NULL and *value_size to 0; both return ASSAY_OK. The
     bytes stay valid until scanner_scan returns. ASSAY_INVALID for a NULL
     or over-long key or a NULL out pointer; ASSAY_UNSUPPORTED when the host
     keeps no cache for this scan (then *value is NULL too). Inside
     scanner_scan, any thread. */
  assay_status (*cache_get)(const assay_scan* scan, const char* key, size_t key_size, const char** value,
                            size_t* value_size);
  /* Stores `value` (value_size bytes, 0 to ASSAY_CACHE_MAX_VALUE; NULL only
     with 0) under `key`, replacing an earlier value; the host copies both
     before returning. Values a get already returned stay valid. The entry
     reaches the file when the scan's scanners have ended. ASSAY_INVALID for
     a bad key or value, ASSAY_UNSUPPORTED as for cache_get. Inside
     scanner_scan, any thread. */
  assay_status (*cache_put)(const assay_scan* scan, const char* key, size_t key_size, const char* value,
                            size_t value_size);
} assay_host_api;

/* Longest key and value of the 1.4 cache, in bytes. */
#define ASSAY_CACHE_MAX_KEY 1024u
#define ASSAY_CACHE_MAX_VALUE (1024u * 1024u)

/*
 * What a plugin tells the host about itself. The host zero-fills the struct,
 * sets struct_size to its own size, and calls assay_plugin_init, which fills
 * it and sets struct_size to the size the plugin knows.
 *
 * Exactly one of the two function groups must be complete; the other must be
 * entirely NULL.
 */
typedef struct assay_plugin {
  size_t struct_size;
  uint16_t api_major;       /* ASSAY_API_MAJOR the plugin was built with */
  uint16_t api_minor;       /* ASSAY_API_MINOR the plugin was built with */
  uint32_t kind;            /* assay_plugin_kind */
  const char* name;         /* [a-z0-9_-]+, unique; names the config section */
  const char* version;      /* the plugin's own version, e.g. "1.2.0" */
  const char* description;  /* one line */
  const char* config_schema;/* JSON Schema (subset: type, properties,
                               additionalProperties, items, enum, minimum,
                               maximum, required, description, default) of
                               the plugin's section plugins.<name>, or NULL */

  /* Last error of an instance, or NULL. Valid until the next call on it.
     Called on the thread that saw the failure. */
  const char* (*last_error)(assay_instance* instance);

  /* --- scanner group: all three or none --- */

  /* Creates an instance from the plugin's configuration section (JSON object
     text, defaults applied). `host` is the same table init received; keep it
     in the instance. On failure returns non-OK and calls host->set_error.
     Called on one thread at a time per plugin. */
  assay_status (*scanner_open)(const assay_host_api* host, const char* config_json,
                               assay_instance** out);
  /* Scans. Called on one host worker thread; never concurrently for the
     same instance. Uses the host API with `scan`. */
  assay_status (*scanner_scan)(assay_instance* instance, const assay_scan* scan);
  /* Frees the instance. Called once, after the last scanner_scan. */
  void (*scanner_close)(assay_instance* instance);

  /* --- reporter group: all four or none --- */

  /* Starts a report. On failure returns non-OK and calls host->set_error.
     begin, item, end and close run on one thread, in that order. */
  assay_status (*reporter_begin)(const assay_host_api* host, const char* config_json,
                                 const assay_report* report, assay_instance** out);
  /* One item, in rank order. */
  assay_status (*reporter_item)(assay_instance* instance, const assay_item* item);
  /* All items were given: write or send the report. */
  assay_status (*reporter_end)(assay_instance* instance);
  /* Frees the instance. Called once, also after a failed item or end. */
  void (*reporter_close)(assay_instance* instance);

  /* --- API 1.2 --- */

  /* ASSAY_SCANNER_* bits: promises a scanner makes about its findings, which
     let the host do less work. 0 for a reporter. The host reads this field
     only when struct_size covers it: a plugin built for 1.0 or 1.1 makes no
     promises. Bits the host does not know are ignored. */
  uint32_t scanner_flags;
} assay_plugin;

/*
 * The scanner's findings for a file depend only on that file: its path, its
 * content, and what the host's functions say about that file (file_info,
 * file_history, file_commit, line_origin of that file's index) — never on
 * other files, on the set of files in the scan target, on the clock, or on
 * anything outside the scan target. Every finding such a scanner emits has
 * the path of the file it was found in.
 *
 * In return the host may hand the scanner only the files that changed since
 * its last complete run and replay its cached findings for the others
 * (docs/plugin-guide.md, "File-local scanners"). A scanner that breaks the
 * promise gets stale findings: the host cannot tell.
 */
#define ASSAY_SCANNER_FILE_LOCAL 1u

/*
 * The one exported entry point. `host` stays valid for the life of the
 * process and is passed again to scanner_open / reporter_begin. Fill `out` (out_size is the host's
 * sizeof(assay_plugin)) and return ASSAY_OK; on failure call
 * host->set_error and return non-OK. Called on one thread; may be called
 * more than once.
 */
typedef assay_status (*assay_plugin_init_fn)(const assay_host_api* host, assay_plugin* out,
                                             size_t out_size);

#define ASSAY_PLUGIN_INIT_SYMBOL "assay_plugin_init"

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* ASSAY_PLUGIN_H */
