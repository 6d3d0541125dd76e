//! The web app manifest the build ships (issue 13): what Chromium needs to offer
//! installing the app. Read from the built dist/, like the size budget.

use load::dist_dir;
use serde_json::Value;

#[path = "bench/load.rs"]
#[allow(dead_code)]
mod load;

/// A PNG's width and height, from its header.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    let word = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (word(16), word(20))
}

#[test]
fn the_manifest_makes_the_app_installable_and_its_icons_are_the_sizes_it_says() {
    let dist = dist_dir();
    let index = std::fs::read_to_string(dist.join("index.html")).expect("build first");
    assert!(
        index.contains("rel=manifest") || index.contains("rel=\"manifest\""),
        "index.html links the manifest"
    );
    let text = std::fs::read_to_string(dist.join("manifest.webmanifest")).unwrap();
    let manifest: Value = serde_json::from_str(&text).unwrap();
    for field in [
        "name",
        "short_name",
        "start_url",
        "scope",
        "theme_color",
        "background_color",
    ] {
        assert!(
            manifest[field].as_str().is_some_and(|v| !v.is_empty()),
            "{field} in {manifest}"
        );
    }
    assert_eq!(manifest["display"], "standalone");
    // Relative, so the app installs from a sub-path too.
    assert!(!manifest["start_url"].as_str().unwrap().starts_with('/'));
    let mut sizes = Vec::new();
    for icon in manifest["icons"].as_array().expect("icons") {
        let src = icon["src"].as_str().unwrap();
        let declared = icon["sizes"].as_str().unwrap();
        let (w, h) = png_size(&std::fs::read(dist.join(src)).unwrap());
        assert_eq!(format!("{w}x{h}"), declared, "{src}");
        assert_eq!(icon["type"], "image/png");
        sizes.push(w);
    }
    // Chromium asks for 192 and 512 pixel icons.
    assert!(sizes.contains(&192) && sizes.contains(&512), "{sizes:?}");
}
