// Makes fsync fail with EIO for directories while an instance lives, to test
// what a reporter does when its file was renamed into place but the directory
// could not be flushed. The test binary defines fsync itself and exports it
// (ENABLE_EXPORTS), so the reporter plugins, loaded with dlopen, call it
// instead of the C library's.
#pragma once

namespace assay::test {

class DirectoryFsyncFault {
 public:
  DirectoryFsyncFault();
  ~DirectoryFsyncFault();
  DirectoryFsyncFault(const DirectoryFsyncFault&) = delete;
  DirectoryFsyncFault& operator=(const DirectoryFsyncFault&) = delete;

  // How many directory fsyncs failed since this instance was created; 0 means
  // the plugin did not reach the interposed fsync and the test proves nothing.
  int failures() const;
};

}  // namespace assay::test
