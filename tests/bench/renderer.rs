//! What a browser bench reads of the page's renderer from outside the page: the memory
//! of Chromium's renderer processes (from /proc) and the main thread's busy time (from
//! the DevTools protocol). Both apps of the side-by-side drag bench are measured so.

// A bench may use only one of the two.
#![allow(dead_code)]

use crate::support::Driver;
use serde_json::json;
use std::collections::HashMap;

/// Chromium's renderer processes of one browser.
pub struct RendererMemory {
    pub processes: Vec<Renderer>,
}

/// One renderer process.
pub struct Renderer {
    pub pid: u32,
    /// Proportional set size in KiB.
    pub pss_kib: u64,
    /// Whether it renders the browser's own WebUI (`--top-chrome-webui`), not a page.
    pub webui: bool,
}

impl RendererMemory {
    /// The PSS of all of them together, in MB (10^6 bytes).
    pub fn total_mb(&self) -> f64 {
        self.processes.iter().map(|p| p.pss_kib as f64).sum::<f64>() * 1024.0 / 1e6
    }

    /// The largest of them (the page's own renderer, with one page open), in MB.
    pub fn largest_mb(&self) -> f64 {
        self.processes.iter().map(|p| p.pss_kib).max().unwrap_or(0) as f64 * 1024.0 / 1e6
    }

    /// "112.3 MB in 1 renderer process", each process's MB listed when there are more
    /// ("150.2 MB in 2 renderer processes (112.3 + 37.9 webui MB)").
    pub fn describe(&self) -> String {
        let each: Vec<String> = self
            .processes
            .iter()
            .map(|p| {
                let mb = p.pss_kib as f64 * 1024.0 / 1e6;
                format!("{mb:.1}{}", if p.webui { " webui" } else { "" })
            })
            .collect();
        let n = self.processes.len();
        let plural = if n == 1 { "" } else { "es" };
        let parts = if n > 1 {
            format!(" ({} MB)", each.join(" + "))
        } else {
            String::new()
        };
        format!(
            "{:.1} MB in {n} renderer process{plural}{parts}",
            self.total_mb()
        )
    }
}

/// The memory of the pages the browser of `driver` shows: the proportional set size
/// (`Pss:` of /proc/<pid>/smaps_rollup, pages shared between processes counted in
/// proportion) of every process descended from chromedriver whose command line says
/// `--type=renderer`. Summed over all of them, as one tab may have a spare renderer
/// beside its own; measure with that one tab open. Linux only: panics when no renderer
/// is found, so a bench never prints a memory of zero.
pub fn renderer_memory(driver: &Driver) -> RendererMemory {
    let root = driver.chromedriver_pid();
    let mut children: HashMap<u32, Vec<u32>> = HashMap::new();
    for entry in std::fs::read_dir("/proc").expect("/proc").flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<u32>().ok())
        else {
            continue;
        };
        // "pid (comm) state ppid ...": comm may hold spaces and parentheses.
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        let ppid = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1))
            .and_then(|p| p.parse::<u32>().ok());
        if let Some(ppid) = ppid {
            children.entry(ppid).or_default().push(pid);
        }
    }
    let mut processes = Vec::new();
    let mut todo = vec![root];
    while let Some(pid) = todo.pop() {
        todo.extend(children.get(&pid).into_iter().flatten());
        let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
        // Split at spaces too: a zygote's child rewrites its command line as one string.
        let has = |flag: &[u8]| cmdline.split(|b| *b == 0 || *b == b' ').any(|a| a == flag);
        let renderer = has(b"--type=renderer");
        if !renderer {
            continue;
        }
        let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
            .unwrap_or_else(|e| panic!("cannot read /proc/{pid}/smaps_rollup: {e}"));
        let pss = rollup
            .lines()
            .find_map(|l| l.strip_prefix("Pss:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            .unwrap_or_else(|| panic!("no Pss line in /proc/{pid}/smaps_rollup"));
        processes.push(Renderer {
            pid,
            pss_kib: pss,
            webui: has(b"--top-chrome-webui"),
        });
    }
    assert!(
        !processes.is_empty(),
        "no Chromium renderer process under chromedriver (pid {root})"
    );
    processes.sort_unstable_by_key(|p| std::cmp::Reverse(p.pss_kib));
    RendererMemory { processes }
}

/// The busy time of the current tab's renderer main thread so far, in milliseconds:
/// the DevTools protocol's `TaskDuration` (every task: script, style, layout, paint,
/// garbage collection). The difference of two readings is the main-thread work
/// between them, whatever the app does it with.
pub fn main_thread_ms(driver: &Driver) -> f64 {
    driver.cdp("Performance.enable", json!({}));
    let metrics = driver.cdp("Performance.getMetrics", json!({}));
    metrics["metrics"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|m| m["name"] == "TaskDuration")
        .and_then(|m| m["value"].as_f64())
        .map(|seconds| seconds * 1000.0)
        .unwrap_or_else(|| panic!("no TaskDuration in Performance.getMetrics: {metrics}"))
}

/// The current tab's JavaScript heap in use, in MB (the DevTools protocol's
/// `Runtime.getHeapUsage`; precise, unlike `performance.memory`). A WebAssembly app's
/// linear memory is not in it: [`renderer_memory`] counts that.
pub fn js_heap_mb(driver: &Driver) -> f64 {
    let usage = driver.cdp("Runtime.getHeapUsage", json!({}));
    usage["usedSize"]
        .as_f64()
        .unwrap_or_else(|| panic!("no usedSize in Runtime.getHeapUsage: {usage}"))
        / 1e6
}
