//! Offline, installable and updates in headless Chromium, with the service worker the
//! build writes (src/browser/sw.js):
//! - Chromium reports the app installable (`Page.getInstallabilityErrors`: none) and
//!   reads its manifest without errors;
//! - after a first visit, with the network emulated offline (DevTools protocol), the
//!   app reloads and every feature works, served from a sub-path as a static host
//!   would; the server's request log shows nothing but the browser's own update check;
//! - a new deployment at the same address waits: the open tab says "Update ready",
//!   keeps working on the build it runs, and applies the new one only when it is the
//!   app's only tab, on the banner's Reload or a plain reload, with the board intact.

mod support;

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;
use support::app::App;
use support::server::StaticServer;
use support::{browser_lock, dist_dir, unique_temp_dir};

const CANVAS: &str = "[data-testid=canvas]";

/// Waits until the service worker is active for this page's scope, and returns the
/// scope.
fn wait_offline_ready(app: &App) -> String {
    let scope = || {
        app.driver.execute_async(
            "const done = arguments[arguments.length - 1]; \
             navigator.serviceWorker.getRegistration().then(r => \
               done(r && r.active && r.active.state === 'activated' ? r.scope : null));",
            vec![],
        )
    };
    app.wait_for("the service worker to be active", || scope().is_string());
    scope().as_str().unwrap_or_default().to_string()
}

/// The update banner's text ("" when none is shown).
fn update_banner(app: &App) -> String {
    app.js(
        "const b = document.querySelector('[data-testid=update-banner]'); return b ? b.textContent : '';",
    )
    .as_str()
    .unwrap_or_default()
    .to_string()
}

/// Which build the page runs: the second deployment marks its `<html>`.
fn build(app: &App) -> Value {
    app.js("return document.documentElement.dataset.build || 'first';")
}

/// Copies a build directory.
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Two deployments of the app: dist/ as built, and a second one whose `<html>` says
/// `data-build="second"`, with its service worker written again by the build's own
/// step (`./dev.sh precache`), as a real new build would be.
fn two_deployments() -> (PathBuf, PathBuf) {
    let tmp = unique_temp_dir("breadthfirst-deploy");
    let (first, second) = (tmp.join("first"), tmp.join("second"));
    copy_dir(&dist_dir(), &first);
    copy_dir(&dist_dir(), &second);
    let index = second.join("index.html");
    let html = std::fs::read_to_string(&index).unwrap();
    assert!(html.contains("<html"), "an index.html");
    std::fs::write(&index, html.replacen("<html", "<html data-build=second", 1)).unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    let status = Command::new("bash")
        .arg(Path::new(root).join("dev.sh"))
        .arg("precache")
        .arg(&second)
        .status()
        .expect("run ./dev.sh precache");
    assert!(status.success(), "./dev.sh precache failed");
    (first, second)
}

#[test]
fn chromium_finds_the_app_installable() {
    let _lock = browser_lock();
    let app = App::open();
    wait_offline_ready(&app);
    let installability = app.driver.cdp("Page.getInstallabilityErrors", json!({}));
    assert_eq!(installability["installabilityErrors"], json!([]));
    let manifest = app.driver.cdp("Page.getAppManifest", json!({}));
    assert_eq!(manifest["errors"], json!([]), "{manifest}");
    assert!(manifest["url"]
        .as_str()
        .is_some_and(|u| u.ends_with("/manifest.webmanifest")));
}

#[test]
fn after_the_first_visit_everything_works_offline_from_a_sub_path() {
    let _lock = browser_lock();
    let server = StaticServer::start_at(&dist_dir(), "/breadthfirst/");
    let app = App::on(server, CANVAS);
    let scope = wait_offline_ready(&app);
    assert_eq!(
        scope,
        app.server.url(),
        "the worker's scope is the sub-path"
    );

    app.server.clear_requests();
    app.driver.cdp("Network.enable", json!({}));
    app.driver.cdp(
        "Network.emulateNetworkConditions",
        json!({"offline": true, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}),
    );
    app.reload();
    assert_eq!(
        app.js("return navigator.onLine;"),
        json!(false),
        "the page is offline"
    );

    // The library, free practice and the check (its worker is loaded now, offline).
    app.check_a_small_board();

    // Exports download files.
    let downloads = unique_temp_dir("breadthfirst-offline-downloads");
    app.driver.cdp(
        "Browser.setDownloadBehavior",
        json!({"behavior": "allow", "downloadPath": downloads.to_str().unwrap()}),
    );
    for (item, extension) in [("Export JSON", "json"), ("Export SVG", "svg")] {
        app.driver.find(".export-menu summary").click();
        app.click_text(".export-menu [data-export]", item);
        app.wait_for(&format!("the {extension} download"), || {
            std::fs::read_dir(&downloads).unwrap().any(|f| {
                let name = f.unwrap().file_name().to_string_lossy().to_string();
                name.ends_with(&format!(".{extension}"))
            })
        });
    }

    // A timed session starts and its clock runs.
    app.choose_prompt("url-shortener", true);
    app.wait_for("the session's phase", || {
        app.count("[data-testid=phase]") == 1
    });

    let requests = app.server.requests();
    println!("requests that reached the server while offline: {requests:?}");
    let update_check = format!("{}sw.js", "/breadthfirst/");
    assert!(
        requests.iter().all(|r| *r == update_check),
        "only the browser's own update check may reach the network: {requests:?}"
    );
    app.screenshot("offline.png");
}

/// Opens the first deployment with a one-component board, deploys the second at the
/// same address, and opens the app in a second tab (a visit: the browser looks for a
/// new build). Returns the app and its (first, second) tab handles, the second current.
fn update_found() -> (
    App,
    fantoccini::wd::WindowHandle,
    fantoccini::wd::WindowHandle,
) {
    let (first, second) = two_deployments();
    let app = App::on(StaticServer::start(&first), CANVAS);
    wait_offline_ready(&app);
    app.add("Service");
    app.wait_saved(1);
    app.server.deploy(&second);
    let (one, two) = app.second_tab(1);
    for tab in [&two, &one] {
        app.switch_to(tab);
        app.wait_for("the update banner", || {
            update_banner(&app).contains("Update ready")
        });
    }
    app.switch_to(&two);
    (app, one, two)
}

#[test]
fn a_new_deployment_waits_until_the_user_reloads_the_only_tab() {
    let _lock = browser_lock();
    let (app, one, _two) = update_found();

    // Two tabs: applying now would leave one running the old build beside the new.
    app.click_banner_button_in("update-banner", "Reload");
    app.wait_for("the other-tabs message", || {
        update_banner(&app).contains("open in other tabs")
    });
    assert_eq!(build(&app), json!("first"));
    app.driver.close_tab();
    app.switch_to(&one);

    // The open tab keeps working on its build, never reloaded under the user.
    app.add("Cache");
    app.wait_saved(2);
    assert_eq!(build(&app), json!("first"));
    app.screenshot("update-ready.png");

    app.click_banner_button_in("update-banner", "Reload");
    app.wait_for("the second build", || {
        app.count(CANVAS) == 1 && build(&app) == json!("second")
    });
    app.wait_for("the board, intact", || app.count("[data-testid=node]") == 2);
    assert_eq!(update_banner(&app), "", "nothing waits any more");
}

#[test]
fn a_plain_reload_of_the_only_tab_applies_a_waiting_build() {
    let _lock = browser_lock();
    let (app, one, _two) = update_found();
    app.driver.close_tab();
    app.switch_to(&one);
    app.reload();
    app.wait_for("the second build", || {
        app.count(CANVAS) == 1 && build(&app) == json!("second")
    });
    app.wait_for("the board, intact", || app.count("[data-testid=node]") == 1);
}
