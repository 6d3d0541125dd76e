//! The replay as a sequence of PNG frames (issue 17), for a video or a slide deck:
//! the worker draws each frame as SVG (a time-lapse, equal steps of session time),
//! the browser draws each as PNG one after another, and they go into one ZIP
//! archive with a README saying how to make a video of them.

use super::hub::Hub;
use crate::browser::{download, raster};
use crate::core::export::replay::{FRAMES_README, FRAMES_README_NAME};
use crate::core::export::zip;
use crate::core::session::Session;

/// A frame's longest side, in pixels: full HD, which video players take as is.
const FRAME_SIDE: f64 = 1_920.0;

/// Writes the replay of `session` (its timeline as JSON) as PNG frames in a ZIP
/// archive and downloads it, saying how far it has got through `progress`; what was
/// downloaded, in words.
pub async fn download_frames(
    hub: Hub,
    session: Session,
    timeline: String,
    title: String,
    progress: impl Fn(String),
) -> Result<String, String> {
    let (folder, frames) = hub.replay_frames(session, timeline, title).await?;
    let total = frames.len();
    let mut files = Vec::with_capacity(total + 1);
    for (n, frame) in frames.into_iter().enumerate() {
        progress(format!("Drawing frame {} of {total}…", n + 1));
        let png = raster::svg_to_png(&frame.svg, 2.0, FRAME_SIDE).await?;
        files.push((
            format!("{folder}/{}", frame.name),
            raster::bytes(&png).await?,
        ));
    }
    files.push((
        format!("{folder}/{FRAMES_README_NAME}"),
        FRAMES_README.as_bytes().to_vec(),
    ));
    let archive = zip::stored(&files)?;
    let name = format!("{folder}.zip");
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(archive.as_slice()));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/zip");
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| "the archive could not be made")?;
    download::download_blob(&name, &blob).map_err(|_| "the browser refused the download")?;
    Ok(format!("Downloaded {name}: {total} frames."))
}
