//! Files the app downloads in a browser test: a fresh folder per test, and waiting
//! for a finished file there.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// An empty folder for this test process's downloads named `name`.
pub fn download_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("breadthfirst-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Waits (10 s at most) for a finished, non-empty download in `dir` whose name ends
/// with `suffix` (a whole file name ends with itself) and returns its bytes.
pub fn downloaded(dir: &Path, suffix: &str) -> Vec<u8> {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        let found = std::fs::read_dir(dir).ok().and_then(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.path())
                .find(|p| p.to_string_lossy().ends_with(suffix))
        });
        if let Some(bytes) = found.and_then(|p| std::fs::read(p).ok()) {
            if !bytes.is_empty() {
                return bytes;
            }
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let present: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.file_name()).collect())
        .unwrap_or_default();
    panic!("no download ending {suffix}; the folder has {present:?}");
}
